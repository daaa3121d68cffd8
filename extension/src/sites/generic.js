// Any other site the user switches on (news comment forms, forums): a
// textarea or a contenteditable region, posted by its form's submit button or
// a nearby button that says Post, Reply, Send...
import { buttonLabel, defineAdapter, hasMediaPreview, selfDescription } from './common.js';

const EDITABLE = '[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';
const BUTTON_WORDS = /^(post|reply|send|comment|publish|submit|share)\b/i;

/** The outermost editable element: a rich editor nests editable islands. */
function outermostEditable(element) {
  let top = element;
  for (let up = element.parentElement?.closest(EDITABLE); up; up = up.parentElement?.closest(EDITABLE)) {
    top = up;
  }
  return top;
}

function isPostButton(element) {
  const form = element.closest('form');
  if (form && element.matches('button[type="submit"], button:not([type]), input[type="submit"]')) {
    return true;
  }
  return BUTTON_WORDS.test(buttonLabel(element));
}

export default defineAdapter({
  id: 'generic',
  editorSelector: `textarea:not([readonly]):not([disabled]), ${EDITABLE}`,
  postButtonSelector: 'button, [role="button"], input[type="submit"]',
  isPostButton: (element) =>
    element.matches('button, [role="button"], input[type="submit"]') && isPostButton(element),

  editorFor: (element) => (element.matches('textarea') ? element : outermostEditable(element)),

  surface(editor) {
    const words = `${selfDescription(editor)} ${selfDescription(editor.closest('form'))}`;
    if (/message/.test(words)) return 'message';
    if (/reply/.test(words)) return 'reply';
    if (/comment/.test(words)) return 'comment';
    return 'post';
  },

  hasMedia(editor, root) {
    const form = editor.closest('form') || root;
    const chosenFile = [...form.querySelectorAll('input[type="file"]')].some(
      (input) => input.files && input.files.length > 0,
    );
    return chosenFile || hasMediaPreview(form, editor, 'img[src^="blob:"], video');
  },
});
