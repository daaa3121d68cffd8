// Blogger: the post editor (a rich-text iframe whose body is editable) and
// the comment form of a blog (a textarea in an iframe on www.blogger.com).
import { defineAdapter } from './common.js';

const COMMENT = 'textarea[aria-label="Enter Comment" i], textarea#commentBodyField';

/** The parent frame's document when it is the same site (the post editor's iframe). */
function parentDocument() {
  try {
    if (window.parent !== window && window.parent.document) return window.parent.document;
  } catch {
    // A cross-origin parent (a blog embedding the comment form): not ours to read.
  }
  return null;
}

const adapter = defineAdapter({
  id: 'blogger',
  editorSelector: [
    'body[contenteditable="true"]', // the post editor iframe's editable body
    COMMENT, // the comment box
  ].join(', '),
  postButtonSelector: [
    '[role="button"][aria-label="Publish" i]', // post editor, top frame
    '[role="button"][aria-label="Update" i]', // post editor, a published post
    '#postCommentSubmit', // comment form
    'input[type="submit"][value="Publish" i]',
    '[role="button"]',
  ].join(', '),
  postButtonLabel: /^(publish|update)$/i,

  surface: (editor) => (editor.matches(COMMENT) ? 'comment' : 'post'),

  // Pictures, videos and embeds in the post body.
  hasMedia: (editor) => Boolean(editor.querySelector('img, video, iframe')),
});

const rootInFrame = adapter.composerRoot;
adapter.composerRoot = (editor) => {
  // The post editor's Publish button is in the page around the iframe.
  if (editor.matches('body')) return parentDocument()?.documentElement ?? editor;
  return rootInFrame(editor);
};
adapter.eventDocuments = () => [document, parentDocument()].filter(Boolean);

export default adapter;
