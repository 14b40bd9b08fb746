/** One change drawn from the page data: both sides and their wording, every node built with textContent (a part of the many-year page's script; see series-script.ts). */
export const SCRIPT_CHANGE = `
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
`;
