/** The flow diagram switched between pairs (a part of the many-year page's script; see series-script.ts). */
export const SCRIPT_FLOW = `
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
`;
