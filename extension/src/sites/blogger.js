// Blogger: the post editor (a rich-text iframe whose body is editable) and
// the comment form of a blog (a textarea in an iframe on www.blogger.com).
import { defineAdapter } from './common.js';

const COMMENT = 'textarea[aria-label="Enter Comment" i], textarea#commentBodyField';

const adapter = defineAdapter({
  id: 'blogger',
  editorSelector: [
    'body[contenteditable="true"]', // the post editor iframe's editable body
    COMMENT, // the comment box
  ].join(', '),
  // The post editor's rich-text iframe (about:blank, written by the page).
  frameSelector: 'iframe.editable',
  postButtonSelector: [
    '[role="button"][aria-label="Publish" i]', // post editor, around the iframe
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

const rootInPage = adapter.composerRoot;
adapter.composerRoot = (editor) => {
  // The post body is a whole document; its Publish button is in the page around it.
  if (editor.matches('body')) return document.documentElement;
  return rootInPage(editor);
};

export default adapter;
