// A one-click fix typed into the editor the way the person's own typing
// goes in: the flagged words are selected, then the browser's own insertText
// (or delete) command replaces them, which fires beforeinput and input as a
// keystroke does. Draft.js, Lexical, Quill and ProseMirror take the change
// into their own model and undo history from those events, as they take
// typing; a textarea's undo history takes the command too. Precheck never
// writes the editor's DOM itself: an editor whose model missed the change
// would put the old words back, or post them.

import { rangeFor } from './text-extraction.js';

/** The next task: editors read a new selection on `selectionchange`, which the browser fires asynchronously. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Where the selection of the editor's tree is kept (an open shadow root may keep its own, in Chromium). */
function selectionFor(editor) {
  const root = editor.getRootNode();
  if (root !== editor.ownerDocument && typeof root.getSelection === 'function') return root.getSelection();
  return editor.ownerDocument.getSelection();
}

function runCommand(document, replacement) {
  return replacement
    ? document.execCommand('insertText', false, replacement)
    : document.execCommand('delete', false);
}

/**
 * What a removal takes out: the words and one space beside them, so that
 * "text me on 07700 900123 tonight" becomes "text me on tonight", not two
 * spaces (which a contenteditable keeps as a no-break space).
 * @returns {[number, number]}
 */
export function removalSpan(text, start, end) {
  const spaceBefore = start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t');
  const spaceAfter = text[end] === ' ' || text[end] === '\t';
  if (spaceBefore && (spaceAfter || end === text.length || /[.,;:!?)\n]/.test(text[end]))) return [start - 1, end];
  if (spaceAfter && (start === 0 || text[start - 1] === '\n')) return [start, end + 1];
  return [start, end];
}

/**
 * Replace [start, end) of the editor's text (UTF-16 units of the text Precheck read) with `replacement`.
 * @param {Element} editor  a textarea or a contenteditable root
 * @param {{start: number, end: number, replacement: string, segments?: object[]}} fix
 *   `segments` from extractText for a contenteditable editor
 * @returns {Promise<boolean>} whether the editor took the change
 */
export async function applyFix(editor, { start, end, replacement, segments }) {
  const document = editor.ownerDocument;
  editor.focus({ preventScroll: true });
  if (editor.tagName === 'TEXTAREA' || editor.tagName === 'INPUT') {
    editor.setSelectionRange(start, end);
    if (runCommand(document, replacement)) return true;
    // A browser without the command in text fields: the value changes with an input event
    // (frameworks such as React listen for it), though the field's own undo misses it.
    editor.setRangeText(replacement, start, end, 'end');
    editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
    return true;
  }
  const range = segments && rangeFor(document, segments, start, end);
  if (!range) return false;
  const selection = selectionFor(editor);
  selection.removeAllRanges();
  selection.addRange(range);
  await nextTask();
  return runCommand(document, replacement);
}
