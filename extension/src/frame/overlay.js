// The overlay frame: one per editor, laid over the whole viewport of the
// editor's page, transparent and letting every pointer through. It draws the
// highlights over the flagged words and, beside the editor, the live list of
// findings (role="status") or the quiet sign that the draft was checked and
// nothing was found. The content script sends what to show and where the
// editor and the words are; the page around sees a frame of constant size
// whose contents it cannot read.
//
// The panel's buttons (a finding's one-click fixes, and what to do about a
// false alarm: false-alarm.js) take the pointer only
// while it is over the panel: the frame tells the content script where the
// panel is, the content script lets the frame take the pointer when it comes
// over that box, and the frame hands it back when it leaves.

import { h } from './dom.js';
import { findingItem } from './finding-item.js';
import { falseAlarmButtons } from './false-alarm.js';
import { portFromPage } from './frame-port.js';

const GAP = 8;
const panel = document.getElementById('panel');
const status = document.getElementById('status');
const layer = document.getElementById('highlights');
let listed = null; // what the live region lists now
let lastLayout = null;
let port = null;
let panelBoxSent = null;

function count(n, one, many) {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** A person's choice about a false alarm, to the content script, which owns the draft's findings. */
function falseAlarmChoice({ category, quote }) {
  return (action) => port.postMessage({ type: 'false-alarm', action, category, quote });
}

function showAnswer({ state, findings = [], note = null, detail = null, checkedLength = null, told = null }) {
  // The live region is read out when it changes: the same findings again
  // (the writer typed elsewhere in the draft) are not announced again.
  const key = JSON.stringify([state, note, detail, checkedLength, told,
    findings.map((f) => [f.category, f.severity, f.quote, f.clause, f.start, f.replacements])]);
  if (key === listed) return;
  listed = key;
  panel.className = 'panel';
  const capped = checkedLength
    ? [h('p', { class: 'precheck-notice' }, `Only the first ${checkedLength.toLocaleString('en-GB')} characters of this draft were checked.`)]
    : [];
  const toldLine = told ? [h('p', { class: 'precheck-told' }, told)] : [];
  if (state === 'findings') {
    status.replaceChildren(
      h('p', { class: 'summary' }, `${count(findings.length, 'thing', 'things')} to check in this draft`),
      h('ul', {}, findings.map((finding) => findingItem(finding,
        [fixButtons(finding), falseAlarmButtons(finding, falseAlarmChoice(finding))]))),
      ...(note ? [h('p', { class: 'precheck-note' }, note)] : []),
      ...capped,
      ...toldLine,
    );
  } else if (state === 'clean' && told) {
    // The last warning was just dismissed: say what became of it, not only "nothing found".
    status.replaceChildren(h('p', { class: 'precheck-clean' }, 'Checked: nothing else found'), ...toldLine);
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
  reportPanelBox();
}

/**
 * A button per replacement the service offers ("Change to “A.B.”", "Remove
 * “07700 900123”"); the content script puts the choice into the editor.
 */
function fixButtons(finding) {
  const replacements = finding.end > finding.start ? finding.replacements || [] : [];
  if (!replacements.length) return null;
  const buttons = replacements.map((replacement) => {
    const button = h('button', { type: 'button', class: 'precheck-fix' },
      replacement ? `Change to “${replacement}”` : `Remove “${finding.quote}”`);
    button.addEventListener('click', () => {
      for (const each of buttons) each.disabled = true; // once: the next answer redraws the list
      const { start, end, quote } = finding;
      port.postMessage({ type: 'fix', start, end, quote, replacement });
    });
    return button;
  });
  return h('p', { class: 'precheck-fixes' }, buttons);
}

/** Where the panel is while it shows findings (its buttons can take the pointer there), else null. */
function reportPanelBox() {
  const shown = !panel.classList.contains('empty') && !panel.classList.contains('offscreen') &&
    !panel.classList.contains('sign') && status.querySelector('li') !== null;
  const rect = shown ? panel.getBoundingClientRect() : null;
  const box = rect && { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  const key = JSON.stringify(box);
  if (key === panelBoxSent) return;
  panelBoxSent = key;
  port.postMessage({ type: 'panel', box });
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

port = await portFromPage();
port.onMessage.addListener((message) => {
  if (!message) return;
  if (message.type === 'answer') showAnswer(message);
  if (message.type === 'layout') {
    lastLayout = message;
    drawHighlights(message.visible ? message.highlights : []);
    placePanel(message);
    reportPanelBox();
  }
});
// Off the panel (over the transparent rest of the frame, or out of it), the pointer goes back to the page.
document.addEventListener('pointermove', (event) => {
  if (!panel.contains(event.target)) port.postMessage({ type: 'pointer-out' });
}, { passive: true });
document.documentElement.addEventListener('pointerleave', () => port.postMessage({ type: 'pointer-out' }));
