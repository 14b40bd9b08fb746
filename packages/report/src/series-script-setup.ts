/** Page data, the texts unpacked on demand, and small helpers shared by every part (a part of the many-year page's script; see series-script.ts). */
export const SCRIPT_SETUP = `
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

`;
