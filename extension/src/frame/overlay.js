// The overlay frame: one per editor, laid over the whole viewport of the
// editor's page, transparent and letting every pointer through. It draws the
// highlights over the flagged words and, beside the editor, the live list of
// findings (role="status") or the quiet sign that the draft was checked and
// nothing was found. The content script sends what to show and where the
// editor and the words are; the page around sees a frame of constant size
// whose contents it cannot read.

import { h } from './dom.js';
import { findingItem } from './finding-item.js';
import { portFromPage } from './frame-port.js';

const GAP = 8;
const panel = document.getElementById('panel');
const status = document.getElementById('status');
const layer = document.getElementById('highlights');
let listed = null; // what the live region lists now
let lastLayout = null;

function count(n, one, many) {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

function showAnswer({ state, findings = [], note = null, detail = null, checkedLength = null }) {
  // The live region is read out when it changes: the same findings again
  // (the writer typed elsewhere in the draft) are not announced again.
  const key = JSON.stringify([state, note, detail, checkedLength,
    findings.map((f) => [f.category, f.severity, f.quote, f.clause])]);
  if (key === listed) return;
  listed = key;
  panel.className = 'panel';
  const capped = checkedLength
    ? [h('p', { class: 'precheck-notice' }, `Only the first ${checkedLength.toLocaleString('en-GB')} characters of this draft were checked.`)]
    : [];
  if (state === 'findings') {
    status.replaceChildren(
      h('p', { class: 'summary' }, `${count(findings.length, 'thing', 'things')} to check in this draft`),
      h('ul', {}, findings.map(findingItem)),
      ...(note ? [h('p', { class: 'precheck-note' }, note)] : []),
      ...capped,
    );
  } else if (state === 'clean') {
    panel.classList.add('sign');
    status.replaceChildren(h('p', { class: 'precheck-clean' }, 'Checked: nothing found'), ...capped);
  } else if (state === 'notice') {
    status.replaceChildren(
      h('p', { class: 'precheck-notice' }, 'Precheck could not check this post'),
      ...(detail ? [h('p', { class: 'precheck-notice' }, detail)] : []),
    );
  } else {
    panel.classList.add('empty');
    status.replaceChildren();
  }
  if (lastLayout) placePanel(lastLayout);
}

function drawHighlights(rects) {
  layer.replaceChildren(
    ...rects.map((rect) => {
      const div = h('div', {
        class: 'precheck-highlight',
        'data-start': rect.start,
        'data-end': rect.end,
        'data-category': rect.category,
        'data-severity': rect.severity,
      });
      Object.assign(div.style, {
        left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px`,
      });
      return div;
    }),
  );
}

/**
 * Beside the editor when there is room; otherwise under (or over) the whole
 * composer, so the panel never covers the site's Post button. The quiet sign
 * sits under the editor's right-hand corner.
 */
function placePanel({ visible, editor, composer }) {
  panel.classList.toggle('offscreen', !visible);
  if (!visible || panel.classList.contains('empty')) return;
  const width = panel.offsetWidth;
  const height = panel.offsetHeight;
  const viewWidth = innerWidth;
  const viewHeight = innerHeight;
  const clampLeft = (left) => Math.min(Math.max(left, GAP), viewWidth - width - GAP);
  const clampTop = (top) => Math.min(Math.max(top, GAP), viewHeight - height - GAP);
  let left;
  let top;
  if (panel.classList.contains('sign')) {
    left = clampLeft(editor.right - width);
    top = clampTop(editor.bottom + 4);
  } else if (editor.right + GAP + width <= viewWidth) {
    left = editor.right + GAP;
    top = clampTop(editor.top);
  } else if (composer.bottom + GAP + height <= viewHeight) {
    left = clampLeft(editor.left);
    top = composer.bottom + GAP;
  } else if (composer.top - GAP - height >= 0) {
    left = clampLeft(editor.left);
    top = composer.top - GAP - height;
  } else {
    left = clampLeft(editor.left);
    top = Math.min(editor.bottom + GAP, viewHeight - height - GAP);
  }
  panel.style.left = `${Math.max(0, left)}px`;
  panel.style.top = `${Math.max(0, top)}px`;
}

const port = await portFromPage();
port.onMessage.addListener((message) => {
  if (!message) return;
  if (message.type === 'answer') showAnswer(message);
  if (message.type === 'layout') {
    lastLayout = message;
    drawHighlights(message.visible ? message.highlights : []);
    placePanel(message);
  }
});
