// The pause before publishing: an alertdialog listing what the policy asks
// the writer to think about, with "Edit" and "Post anyway". Keyboard first:
// focus starts on Edit, Tab stays inside, Escape means Edit.

import { h, shadowHost } from './dom.js';
import { DIALOG_CSS } from './styles.js';
import { findingItem } from './finding-item.js';
import { sortFindings } from '../shared/findings.js';

// Keys typed in the dialog are the dialog's: the site's shortcuts must not
// see them (X's "n" for a new post, Escape closing its composer).
const CONTAINED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput'];

/**
 * Resolves 'edit' or 'post' once the person chooses.
 * @param {object} options
 * @param {object[]} options.findings  high and medium findings outstanding
 * @param {string|null} options.note   the school's own words, if any
 * @param {Element} options.container  where the host goes (outside the editor)
 */
export function askBeforePosting({ findings, note, container }) {
  return new Promise((resolve) => {
    const { host, root } = shadowHost('dialog', DIALOG_CSS);
    host.style.setProperty('z-index', '2147483647', 'important');
    host.style.setProperty('pointer-events', 'auto', 'important');

    const edit = h('button', { type: 'button', class: 'edit' }, 'Edit');
    const postAnyway = h('button', { type: 'button', class: 'post' }, 'Post anyway');
    const sorted = sortFindings(findings);
    const intro =
      sorted.length === 1
        ? 'Precheck found something the school’s social media policy asks you to think about before this goes out:'
        : `Precheck found ${sorted.length} things the school’s social media policy asks you to think about before this goes out:`;
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
      h('ul', {}, sorted.map(findingItem)),
      note ? h('p', { class: 'note' }, note) : null,
      h('div', { class: 'actions' }, postAnyway, edit),
    );
    const backdrop = h('div', { class: 'backdrop' }, dialog);
    root.append(backdrop);

    const focusable = [postAnyway, edit];
    const ownerDocument = container.ownerDocument;

    // Focus that wanders to the page comes back; the guard stops a tug of war
    // with a site's own focus trap from recursing.
    let refocusing = false;
    const keepFocusInside = (event) => {
      if (event.target === host || refocusing) return;
      refocusing = true;
      try {
        edit.focus();
      } finally {
        refocusing = false;
      }
    };
    const finish = (choice) => {
      ownerDocument.removeEventListener('focusin', keepFocusInside, true);
      host.remove();
      resolve(choice);
    };

    for (const type of CONTAINED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        finish('edit');
      } else if (event.key === 'Tab') {
        event.preventDefault();
        const index = focusable.indexOf(root.activeElement);
        const step = event.shiftKey ? -1 : 1;
        focusable[(index + step + focusable.length) % focusable.length].focus();
      }
    });
    edit.addEventListener('click', () => finish('edit'));
    postAnyway.addEventListener('click', () => finish('post'));

    container.append(host);
    edit.focus();
    ownerDocument.addEventListener('focusin', keepFocusInside, true);
  });
}
