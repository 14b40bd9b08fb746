/**
 * The many-year page's script: draws timeline rows from the page data in batches (more as you scroll),
 * filters them by kind and text, opens a goal's history under its row on demand, follows #anchors,
 * and switches the flow diagram between pairs. Builds every node with textContent, so no document
 * text is ever parsed as markup. Plain ES2017, no network, works from file://.
 */
export const SERIES_JS = `
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('series-data').textContent);
  var L = D.labels;
  var body = document.querySelector('table.timeline tbody');
  var moreButton = document.getElementById('more');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-kind-filter]'));
  var search = document.getElementById('q');
  var shown = document.getElementById('shown');
  // About 8,000 cells per batch: a whole short series at once, a screenful or more of a 70-year one.
  var BATCH = Math.max(100, Math.floor(8000 / Math.max(1, D.years.length)));
  var matches = [];
  var drawn = 0;
  var texts = null;
  // Task texts: in the data, or packed (gzip + base64) in their own block for a large series.
  var ready = unpackTexts();

  function unpackTexts() {
    if (D.units) return Promise.resolve();
    var packed = document.getElementById('series-units');
    D.units = {};
    if (!packed || typeof DecompressionStream === 'undefined') {
      var warning = document.getElementById('unpack-failed');
      if (warning) warning.hidden = false;
      return Promise.resolve();
    }
    var binary = atob(packed.textContent.trim());
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text().then(function (json) {
      D.units = JSON.parse(json);
      texts = null;
    });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function fill(template, values) {
    return template.replace(/\\{(\\w+)\\}/g, function (whole, name) { return name in values ? String(values[name]) : whole; });
  }
  function unit(year, id) {
    var row = (D.units[year] || {})[id];
    if (!row) return { id: id, number: '', heading: '', text: '' };
    var heading = typeof row[1] === 'number' ? row[2].slice(0, row[1]) : row[1];
    return { id: id, number: row[0], heading: heading, text: row[2] };
  }
  function taskTitle(ref) {
    var gap = /[\\x21-\\x7e]$/.test(ref.number) && ref.heading !== '' ? ' ' : '';
    return (ref.number + gap + ref.heading).trim();
  }

  // ---- timeline rows ----
  function goalRow(g) {
    var goal = D.goals[g];
    var events = {};
    goal[5].forEach(function (e) { events[e[0]] = e; });
    var kinds = D.kinds.filter(function (k, i) { return goal[4] & (1 << i); });
    var tr = el('tr', 'row');
    tr.id = 't-' + g;
    tr.setAttribute('data-kinds', kinds.join(' '));
    var name = el('td', 'goal');
    var link = el('a', 'goal-link', goal[0]);
    link.href = '#g-' + g;
    name.appendChild(link);
    name.appendChild(document.createTextNode(' '));
    name.appendChild(el('span', 'gid', goal[1]));
    tr.appendChild(name);
    D.years.forEach(function (year) {
      var alive = year >= goal[2] && year <= goal[3];
      var td = el('td', alive ? 'span' : '');
      var e = events[year];
      if (e) {
        var a = el('a', 'ev k-' + D.kinds[e[1]], L.mark[e[1]]);
        a.href = '#e-' + g + '-' + year;
        a.title = year + ' ' + L.event[e[1]] + ' ' + e[4].split(' ').join(' + ');
        td.appendChild(a);
      }
      tr.appendChild(td);
    });
    return tr;
  }
  function draw(upTo) {
    var end = Math.min(matches.length, Math.max(drawn + BATCH, upTo === undefined ? 0 : upTo + 1));
    var rows = document.createDocumentFragment();
    for (; drawn < end; drawn++) rows.appendChild(goalRow(matches[drawn]));
    body.appendChild(rows);
    var left = matches.length - drawn;
    moreButton.hidden = left <= 0;
    moreButton.textContent = fill(L.showMore, { n: left });
  }
  function searchText(g) {
    if (!texts) texts = [];
    if (texts[g] === undefined) {
      var goal = D.goals[g];
      var parts = [goal[0], goal[1]];
      goal[5].forEach(function (e) {
        if (!e[4]) return;
        e[4].split(' ').forEach(function (id) { var u = unit(e[0], id); parts.push(u.heading, u.text); });
      });
      texts[g] = parts.join('\\n').toLowerCase();
    }
    return texts[g];
  }
  function apply() {
    var on = 0;
    boxes.forEach(function (box) { if (box.checked) on |= 1 << D.kinds.indexOf(box.value); });
    var query = search ? search.value.trim().toLowerCase() : '';
    matches = [];
    for (var g = 0; g < D.goals.length; g++) {
      if ((D.goals[g][4] & on) && (query === '' || searchText(g).indexOf(query) !== -1)) matches.push(g);
    }
    body.textContent = '';
    drawn = 0;
    draw();
    if (shown) shown.textContent = fill(L.shown, { n: matches.length, total: D.goals.length });
  }
  function select(kind) {
    boxes.forEach(function (box) { box.checked = kind === null || box.value === kind; });
    if (search) search.value = '';
    apply();
  }

  // ---- a goal's history, drawn on demand under its row ----
  function parts(codes, oldText, newText) {
    var ops = ['equal', 'insert', 'delete'];
    return codes.map(function (c) {
      var op = ops[c[0]];
      if (typeof c[1] === 'string') return { op: op, text: c[1] };
      var source = op === 'delete' ? oldText : newText;
      return { op: op, text: source.slice(c[1], c[1] + c[2]) };
    });
  }
  function renderParts(list, into) {
    list.forEach(function (p) {
      if (p.op === 'delete') into.appendChild(el('del', '', p.text));
      else if (p.op === 'insert') into.appendChild(el('ins', '', p.text));
      else into.appendChild(document.createTextNode(p.text));
    });
  }
  function splitParts(list, texts) {
    if (texts.length === 1) return [list];
    var whole = list.map(function (p) { return p.text; }).join('');
    var sep = ['', '\\n', '\\n\\n', ' '].filter(function (s) { return texts.join(s) === whole; })[0];
    if (sep === undefined) return null;
    var out = [];
    var start = 0;
    texts.forEach(function (text) {
      var from = start;
      var to = start + text.length;
      var slice = [];
      var offset = 0;
      list.forEach(function (p) {
        var end = offset + p.text.length;
        var a = Math.max(from, offset);
        var b = Math.min(to, end);
        if (a < b) slice.push({ op: p.op, text: p.text.slice(a - offset, b - offset) });
        offset = end;
      });
      out.push(slice);
      start = to + sep.length;
    });
    return out;
  }
  function renderSide(refs, wording, side) {
    var label = side === 'old' ? L.oldSide : L.newSide;
    var box = el('section', 'side ' + side + (refs.length ? '' : ' empty'));
    box.appendChild(el('div', 'side-label', label));
    if (!refs.length) { box.appendChild(document.createTextNode(L.none)); return box; }
    var hidden = side === 'old' ? 'insert' : 'delete';
    var list = wording.filter(function (p) { return p.op !== hidden && p.text !== ''; });
    var split = list.length ? splitParts(list, refs.map(function (r) { return r.text; })) : null;
    refs.forEach(function (ref, i) {
      var task = el('div', 'task');
      var hasBody = split || !list.length;
      var starts = [ref.heading, ref.number + ref.heading, taskTitle(ref)].some(function (h) { return ref.text.indexOf(h) === 0; });
      var heading = hasBody && ref.heading && starts ? '' : ref.heading;
      var head = el('div', 'heading');
      head.appendChild(el('span', 'num', ref.number));
      head.appendChild(document.createTextNode(heading));
      head.appendChild(el('span', 'tid', ref.id));
      task.appendChild(head);
      var text = el('p', 'text');
      if (split) renderParts(split[i] || [], text);
      else if (!list.length) text.textContent = ref.text;
      if (text.childNodes.length) task.appendChild(text);
      box.appendChild(task);
    });
    if (list.length && !split) { var block = el('p', 'text'); renderParts(list, block); box.appendChild(block); }
    return box;
  }
  function where(year, ref) {
    if (!ref) return '—';
    var top = ref.id.split('.')[0];
    var section = D.units[year] && D.units[year][top] ? taskTitle(unit(year, top)) || top : '';
    return section && top !== ref.id ? section + ' › ' + ref.id : section || ref.id;
  }
  function renderChange(c) {
    var kind = D.kinds[c[2]];
    var from = c[5].map(function (id) { return unit(c[0], id); });
    var to = c[6].map(function (id) { return unit(c[1], id); });
    var join = function (refs) { return refs.map(function (r) { return r.text; }).join(''); };
    var wording = parts(c[8], join(from), join(to));
    var box = el('article', 'change d' + c[4] + ' k-' + kind);
    var head = el('header', 'ch-head');
    head.appendChild(el('span', 'badge k-' + kind, L.kind[c[2]]));
    head.appendChild(el('span', 'ids', (c[5].join(' + ') || '—') + ' → ' + (c[6].join(' + ') || '—')));
    if (c[3]) head.appendChild(el('span', 'moved', fill(L.movedFromTo, { from: where(c[0], from[0]), to: where(c[1], to[0]) })));
    if (from.length && to.length) head.appendChild(el('span', 'sim', L.similarity + ' ' + (c[7] / 100).toFixed(2)));
    box.appendChild(head);
    var sides = el('div', 'sides');
    sides.appendChild(renderSide(from, wording, 'old'));
    sides.appendChild(renderSide(to, wording, 'new'));
    box.appendChild(sides);
    if (c[9].length) {
      var figs = el('ul', 'figs');
      c[9].forEach(function (f) {
        var li = el('li', '', f[0] + L.colon);
        li.appendChild(el('del', '', f[1]));
        li.appendChild(document.createTextNode(' → '));
        li.appendChild(el('ins', '', f[2]));
        figs.appendChild(li);
      });
      box.appendChild(figs);
    }
    return box;
  }
  function renderEvent(g, e) {
    var kind = D.kinds[e[1]];
    var box = el('div', 'event k-' + kind);
    box.id = 'e-' + g + '-' + e[0];
    box.appendChild(el('strong', '', String(e[0])));
    box.appendChild(document.createTextNode(' '));
    box.appendChild(el('span', 'badge k-' + kind, L.event[e[1]]));
    if (kind === 'reworded' || kind === 'merged' || kind === 'split') {
      box.appendChild(document.createTextNode(' ' + L.similarity + ' ' + (e[2] / 100).toFixed(2)));
    }
    if (kind === 'unchanged') return box;
    if (e[3] >= 0) { box.appendChild(renderChange(D.changes[e[3]])); return box; }
    if (!e[4]) return box;
    e[4].split(' ').forEach(function (id) {
      var u = unit(e[0], id);
      var p = el('p', 'text');
      p.appendChild(el('span', 'tid', id));
      p.appendChild(document.createTextNode(' ' + taskTitle(u) + ' ' + u.text));
      box.appendChild(p);
    });
    return box;
  }
  function openDetail(g) {
    var existing = document.getElementById('g-' + g);
    if (existing) return existing;
    var row = document.getElementById('t-' + g);
    if (!row) return null;
    var goal = D.goals[g];
    var tr = el('tr', 'detail');
    var td = el('td');
    td.colSpan = D.years.length + 1;
    var box = el('div', 'goal-detail');
    box.id = 'g-' + g;
    var head = el('div', 'detail-head');
    head.appendChild(el('strong', '', goal[0]));
    head.appendChild(el('span', 'gid', ' ' + goal[1] + ' · ' + goal[2] + '–' + goal[3] + ' '));
    var close = el('button', 'close', '×');
    close.type = 'button';
    close.title = L.close;
    close.addEventListener('click', function () { tr.parentNode.removeChild(tr); });
    head.appendChild(close);
    box.appendChild(head);
    goal[5].forEach(function (e) { box.appendChild(renderEvent(g, e)); });
    td.appendChild(box);
    tr.appendChild(td);
    row.parentNode.insertBefore(tr, row.nextSibling);
    return box;
  }
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var m = /^(?:e-(\\d+)-\\d+|g-(\\d+)|t-(\\d+))$/.exec(id);
    if (m) {
      var g = Number(m[1] || m[2] || m[3]);
      if (g >= D.goals.length) return;
      var at = matches.indexOf(g);
      if (at < 0) { select(null); at = matches.indexOf(g); }
      if (at >= drawn) draw(at);
      if (!m[3]) {
        // A history needs the task texts, which a large series unpacks first.
        ready.then(function () {
          openDetail(g);
          scrollTo(id);
        });
        return;
      }
    }
    scrollTo(id);
  }
  function scrollTo(id) {
    var target = id ? document.getElementById(id) : null;
    if (!target) return;
    var details = target.closest('details');
    if (details) details.open = true;
    target.scrollIntoView();
  }

  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  var timer = 0;
  if (search) {
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { ready.then(apply); }, 120);
    });
  }
  document.querySelectorAll('[data-only]').forEach(function (button) {
    button.addEventListener('click', function () { select(button.getAttribute('data-only')); });
  });
  document.querySelectorAll('[data-all]').forEach(function (button) {
    button.addEventListener('click', function () { select(null); });
  });
  moreButton.addEventListener('click', function () { draw(); });
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; }) && drawn < matches.length) draw();
    }, { root: moreButton.closest('.timeline-wrap'), rootMargin: '400px' }).observe(moreButton);
  }
  // A click on the link already in the address bar fires no hashchange: reveal it anyway.
  body.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (link && link.getAttribute('href') === location.hash) { event.preventDefault(); reveal(); }
  });
  window.addEventListener('hashchange', reveal);

  // ---- the flow diagram of the chosen pair ----
  var picker = document.getElementById('flow-pair');
  var view = document.getElementById('flow-view');
  if (picker && view) {
    // The chosen pair is drawn in the page; the others wait in inert templates until picked.
    var kept = {};
    var current = picker.value;
    picker.addEventListener('change', function () {
      var template = document.getElementById('flow-' + picker.value);
      var next = kept[picker.value] || (template ? template.content.cloneNode(true) : null);
      if (!next) return;
      var old = document.createDocumentFragment();
      while (view.firstChild) old.appendChild(view.firstChild);
      kept[current] = old;
      current = picker.value;
      view.appendChild(next);
      delete kept[current];
    });
  }

  apply();
  if (location.hash) reveal();
})();
`;
