// The pause before publishing, in its own frame over the page: an
// alertdialog listing the findings that hold the post back, with their
// one-click fixes and what to do about a false alarm, how many lower ones the
// panel shows, and "Edit" / "Post anyway". Keyboard first: focus starts on
// Edit, Tab stays inside (the findings' buttons included), Escape means Edit.
// The content script gives this frame focus; keys typed here never reach the
// page.

import { h } from './dom.js';
import { findingItem } from './finding-item.js';
import { falseAlarmButtons } from './false-alarm.js';
import { portFromPage } from './frame-port.js';

const backdrop = document.getElementById('backdrop');
let buttons = [];
let lastFocused = null;
let chosen = false;

/** A finding's one-click fixes as buttons (as the panel offers them), each telling the page which. */
function fixButtons(finding, index, choose) {
  const replacements = finding.end > finding.start ? finding.replacements || [] : [];
  return replacements.map((replacement) => {
    const button = h('button', { type: 'button', class: 'precheck-fix' },
      replacement ? `Change to “${replacement}”` : `Remove “${finding.quote}”`);
    button.addEventListener('click', () => choose('fix', { index, replacement }));
    return button;
  });
}

function ask(port, { findings, lower = 0, note = null }) {
  const edit = h('button', { type: 'button', class: 'edit' }, 'Edit');
  const postAnyway = h('button', { type: 'button', class: 'post' }, 'Post anyway');
  // A fix is Edit with the fix put in: nothing is published, the draft is checked again.
  const choose = (choice, fix = null, falseAlarm = null) => {
    if (chosen) return;
    chosen = true;
    port.postMessage({ type: 'choice', choice, ...(fix ? { fix } : {}), ...(falseAlarm ? { falseAlarm } : {}) });
  };
  const inList = []; // the findings' own buttons, in reading order (for Tab)
  const intro =
    findings.length === 1
      ? 'Precheck found something the school’s social media policy asks you to think about before this goes out:'
      : `Precheck found ${findings.length} things the school’s social media policy asks you to think about before this goes out:`;
  const lowerLine =
    lower > 0
      ? h('p', { class: 'lower' },
        lower === 1
          ? 'The panel beside your draft shows 1 lower-priority thing as well.'
          : `The panel beside your draft shows ${lower} lower-priority things as well.`)
      : null;
  const dialog = h(
    'div',
    {
      role: 'alertdialog',
      'aria-modal': 'true',
      'aria-labelledby': 'precheck-dialog-title',
      'aria-describedby': 'precheck-dialog-intro',
    },
    h('h2', { id: 'precheck-dialog-title' }, 'Check this post before it goes out'),
    h('p', { id: 'precheck-dialog-intro' }, intro),
    h('ul', {}, findings.map((finding, index) => {
      const fixes = fixButtons(finding, index, choose);
      // A false alarm dismissed here is Edit with the warning gone: Post again goes straight out.
      const wrong = falseAlarmButtons(finding, (action) => choose('false-alarm', null, { index, action }));
      inList.push(...fixes, ...wrong.querySelectorAll('button'));
      return findingItem(finding, [fixes.length ? h('p', { class: 'precheck-fixes' }, fixes) : null, wrong]);
    })),
    lowerLine,
    note ? h('p', { class: 'note' }, note) : null,
    h('div', { class: 'actions' }, postAnyway, edit),
  );
  backdrop.replaceChildren(dialog);
  buttons = [...inList, postAnyway, edit];

  edit.addEventListener('click', () => choose('edit'));
  postAnyway.addEventListener('click', () => choose('post'));
  for (const button of buttons) button.addEventListener('focus', () => { lastFocused = button; });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      choose('edit');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      const index = buttons.indexOf(document.activeElement);
      const step = event.shiftKey ? -1 : 1;
      buttons[(index + step + buttons.length) % buttons.length].focus();
    }
  });
  edit.focus();
}

/** Focus back on the dialog's button (the content script focused this frame). */
function refocus() {
  (lastFocused || buttons[buttons.length - 1])?.focus(); // else Edit
}

const port = await portFromPage();
port.onMessage.addListener((message) => {
  if (!message) return;
  if (message.type === 'ask') ask(port, message);
  if (message.type === 'focus') refocus();
});
window.addEventListener('focus', refocus);
