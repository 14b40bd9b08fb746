/** The report stylesheet: local fonts only, kind colours, side-by-side changes, print rules. */
export const REPORT_CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;
--added:#1a7f37;--added-bg:#dafbe1;--dropped:#cf222e;--dropped-bg:#ffebe9;--reworded:#9a6700;--reworded-bg:#fff8c5;
--merged:#8250df;--merged-bg:#fbefff;--split:#0969da;--split-bg:#ddf4ff;--unchanged:#59636e;--unchanged-bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1280px;padding:16px 24px 48px;color:var(--fg);background:var(--bg);line-height:1.6;
font:15px/1.6 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif}
h1{font-size:1.5em;margin:.4em 0}h2{font-size:1.2em;margin:1.4em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}
a{color:#0969da;text-decoration:none}a:hover{text-decoration:underline}
.meta{color:var(--muted);font-size:.9em;margin:0}
table{border-collapse:collapse;margin:.4em 0;font-size:.92em}
th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
.summary-grid{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.85em;font-weight:600;white-space:nowrap}
.k-added{--k:var(--added);--kb:var(--added-bg)}.k-dropped{--k:var(--dropped);--kb:var(--dropped-bg)}
.k-reworded{--k:var(--reworded);--kb:var(--reworded-bg)}.k-merged{--k:var(--merged);--kb:var(--merged-bg)}
.k-split{--k:var(--split);--kb:var(--split-bg)}.k-unchanged{--k:var(--unchanged);--kb:var(--unchanged-bg)}
.badge{color:var(--k);background:var(--kb);border:1px solid var(--k)}
button.only{font:inherit;cursor:pointer;border:1px solid var(--k);background:var(--kb);color:var(--k);border-radius:10px;padding:0 8px;font-weight:600}
.filters{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);padding:8px 0;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}
.filters .kf{white-space:nowrap}.filters input[type=search]{font:inherit;padding:2px 8px;min-width:16em}
.filters button{font:inherit;cursor:pointer}#shown{color:var(--muted)}
.change{border:1px solid var(--line);border-left:4px solid var(--k);border-radius:6px;margin:10px 0;padding:6px 10px;break-inside:avoid}
.change.d2{margin-left:12px}.change.d3{margin-left:24px}.change.d4,.change.d5,.change.d6{margin-left:36px}
.ch-head{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline;font-size:.9em;color:var(--muted)}
.ch-head .ids{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--fg)}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-top:4px}
.side{min-width:0}.side.empty{color:var(--muted);font-style:italic}
.side-label{font-size:.75em;color:var(--muted);text-transform:uppercase;letter-spacing:.05em}
.task+.task{margin-top:6px;padding-top:6px;border-top:1px dashed var(--line)}
.heading{font-weight:600}.num{margin-right:2px}.tid{color:var(--muted);font-weight:400;font-size:.8em;margin-left:6px}
.text{margin:2px 0;white-space:pre-wrap;overflow-wrap:anywhere}
del{background:var(--dropped-bg);color:#82071e;text-decoration:line-through}
ins{background:var(--added-bg);color:#116329;text-decoration:none}
.figs{margin:4px 0 0;padding:0;list-style:none;font-size:.9em}.figs li::before{content:"# ";color:var(--muted)}
:target{outline:2px solid #0969da;outline-offset:2px}
[id]{scroll-margin-top:64px}
.series .filters{position:static}.timeline thead th{position:sticky;top:0;z-index:1;background:var(--soft)}
.timeline td,.timeline th{padding:1px 4px;text-align:center}.timeline td.goal{text-align:left;max-width:28em}
.timeline a.ev{display:inline-block;min-width:1.6em;border-radius:4px;color:var(--k);background:var(--kb);font-weight:600}
.legend .timeline{margin-right:10px;white-space:nowrap}
.timeline .span{background:var(--soft)}.timeline .gid{color:var(--muted);font-size:.8em}
.event{border-left:4px solid var(--k);padding:2px 10px;margin:6px 0}
details.goal-detail{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:4px 10px}
details.goal-detail summary{cursor:pointer;font-weight:600}
footer{margin-top:32px;color:var(--muted);font-size:.85em}
.headline{font-weight:600;margin:.2em 0 .5em}
ul.editions,details.editions ul{margin:.2em 0;padding-left:1.2em;color:var(--muted);font-size:.9em}
details.editions{color:var(--muted);font-size:.9em}details.editions summary{cursor:pointer}
figure.chart{margin:10px 0 18px}figure.chart figcaption{font-weight:600;margin-bottom:6px}
figure.chart figcaption .meta{font-weight:400;font-size:.85em}
.chart-body{display:flex;flex-wrap:wrap;gap:12px 20px;align-items:flex-start}
.chart-svg{flex:0 1 auto;max-width:100%;overflow-x:auto}.chart-svg svg{display:block;max-width:100%;height:auto}
.chart-table{flex:1 1 300px;min-width:0;overflow-x:auto}.chart-table table{margin-top:0}
.chart-table.scroll{max-height:200px;overflow-y:auto}
svg text{font-size:11px;fill:var(--fg)}
.chart-legend{margin:0 0 4px;font-size:.85em}.chart-legend .key{margin-right:10px;white-space:nowrap}
.chart-legend .key::before{content:"";display:inline-block;width:10px;height:10px;border-radius:2px;background:var(--k);margin-right:4px}
.kinds-chart .seg{fill:var(--k)}.kinds-chart .count{fill:var(--muted)}
.sankey .band{fill-opacity:.42}.sankey .band:hover{fill-opacity:.8}.sankey .band.k-added,.sankey .band.k-dropped{fill:var(--k)}
.sankey .node rect{fill:#57606a}.sankey .node.k-added rect,.sankey .node.k-dropped rect{fill:var(--k)}
.track-grid{display:flex;flex-direction:column;gap:10px}
.track-card{border:1px solid var(--line);border-radius:6px;padding:6px 10px;margin:0}
.track .line{fill:none;stroke:#0969da;stroke-width:2}.track .dot{fill:#fff;stroke:#0969da;stroke-width:1.5}
.track .dot.changed{fill:#0969da}.track .range{stroke:#0969da;stroke-width:6;stroke-opacity:.25;stroke-linecap:round}
.track .axis{stroke:var(--line)}.track .tick{fill:var(--muted);font-size:10px}.track .val{font-weight:600}
.track-table tr.changed td{font-weight:600}
details.more-tracks{margin:8px 0}details.more-tracks summary{cursor:pointer}
.timeline-wrap{overflow:auto;max-height:85vh;border:1px solid var(--line)}
.timeline-wrap .timeline{margin:0}
.timeline td.goal{position:sticky;left:0;z-index:1;background:var(--bg)}
.timeline thead th:first-child{left:0;z-index:2}
.timeline tr.detail>td{text-align:left;padding:0;background:var(--soft)}
.timeline .goal-detail{position:sticky;left:0;width:min(1180px,calc(100vw - 72px));margin:0;padding:6px 10px;border:0;text-align:left}
.detail-head{display:flex;gap:8px;align-items:baseline}.detail-head .close{margin-left:auto;font:inherit;cursor:pointer}
#more{display:block;margin:8px auto;font:inherit;cursor:pointer}#more[hidden]{display:none}
table.pairs td:first-child{white-space:nowrap}
@media (max-width:760px){.sides{grid-template-columns:1fr}}
@media print{body{max-width:none;padding:0;font-size:11pt}.filters{display:none}
button.only{border:none;background:none;padding:0;color:inherit}
a{color:inherit}.change{border-left-width:3px}details.goal-detail{break-inside:avoid}
.timeline-wrap{max-height:none;overflow:visible}#more,#flow-pair{display:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}ins{text-decoration:underline}}
`;

/**
 * The report script: kind filters (checkboxes, "only this kind" buttons), text search, and following
 * a #anchor into a filtered-out row. Plain ES2017, no network, works from file://.
 */
export const REPORT_JS = `
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('.row[data-kinds]'));
  var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-kind-filter]'));
  var search = document.getElementById('q');
  var shown = document.getElementById('shown');
  function apply() {
    var on = {};
    boxes.forEach(function (box) { if (box.checked) on[box.value] = true; });
    var query = search ? search.value.trim().toLowerCase() : '';
    var count = 0;
    rows.forEach(function (row, i) {
      var kinds = row.getAttribute('data-kinds').split(' ');
      var visible = kinds.some(function (k) { return on[k]; }) && (query === '' || texts[i].indexOf(query) !== -1);
      row.hidden = !visible;
      if (visible) count += 1;
    });
    if (shown) shown.textContent = shown.getAttribute('data-template').replace('{n}', count).replace('{total}', rows.length);
  }
  function select(kind) {
    boxes.forEach(function (box) { box.checked = kind === null || box.value === kind; });
    if (search) search.value = '';
    apply();
  }
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  if (search) search.addEventListener('input', apply);
  document.querySelectorAll('[data-only]').forEach(function (button) {
    button.addEventListener('click', function () {
      select(button.getAttribute('data-only'));
      var list = document.getElementById('changes');
      if (list) list.scrollIntoView();
    });
  });
  document.querySelectorAll('[data-all]').forEach(function (button) {
    button.addEventListener('click', function () { select(null); });
  });
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (!target) return;
    var row = target.closest('.row');
    if (row && row.hidden) select(null);
    var details = target.closest('details');
    if (details) details.open = true;
    target.scrollIntoView();
  }
  window.addEventListener('hashchange', reveal);
  apply();
  if (location.hash) reveal();
})();
`;
