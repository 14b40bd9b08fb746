/**
 * The many-year page's script: draws timeline rows from the page data in batches (more as you scroll),
 * filters them by kind and text, opens a goal's history under its row on demand, follows #anchors,
 * and switches the flow diagram between pairs. Builds every node with textContent, so no document
 * text is ever parsed as markup. Plain ES2017, no network, works from file://.
 */
import { SCRIPT_CHANGE } from './series-script-change.ts';
import { SCRIPT_FLOW } from './series-script-flow.ts';
import { SCRIPT_HISTORY } from './series-script-history.ts';
import { SCRIPT_SETUP } from './series-script-setup.ts';
import { SCRIPT_TIMELINE } from './series-script-timeline.ts';

/** The whole script: its parts share one function scope, so they are joined inside one wrapper. */
export const SERIES_JS = `
(function () {
  'use strict';
${SCRIPT_SETUP}
${SCRIPT_TIMELINE}
${SCRIPT_CHANGE}
${SCRIPT_HISTORY}
${SCRIPT_FLOW}
  apply();
  if (location.hash) reveal();
})();
`;
