/** A goal's history opened under its row on demand, and #anchors followed (a part of the many-year page's script; see series-script.ts). */
export const SCRIPT_HISTORY = `
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

`;
