/** Timeline rows drawn in batches and filtered by kind and text (a part of the many-year page's script; see series-script.ts). */
export const SCRIPT_TIMELINE = `
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

`;
