// Instagram. The caption and direct-message boxes are Lexical; the comment
// box under a post is a plain textarea.
import { defineAdapter, hasMediaPreview } from './common.js';

const CAPTION = '[contenteditable="true"][role="textbox"][aria-label^="Write a caption"]';
const MESSAGE = '[contenteditable="true"][role="textbox"][aria-label="Message"]';
const COMMENT = 'textarea[aria-label^="Add a comment"]';

export default defineAdapter({
  id: 'instagram',
  editorSelector: [
    CAPTION, // the caption step of "Create new post"
    MESSAGE, // the box at the foot of a direct-message thread
    COMMENT, // "Add a comment…" under a post
  ].join(', '),
  // "Share" in the Create new post header, "Post" beside a comment, "Send"
  // in messages: divs with role=button (or buttons) told apart by their text.
  postButtonSelector: 'button, [role="button"]',
  postButtonLabel: /^(share|post|send)$/i,

  surface(editor) {
    if (editor.matches(CAPTION)) return 'post';
    if (editor.matches(MESSAGE) || /^\/direct\//.test(location.pathname)) return 'message';
    // Replying to a comment fills the box with "@name ".
    if (editor.matches(COMMENT) && editor.value.startsWith('@')) return 'reply';
    return 'comment';
  },

  hasMedia(editor, root) {
    // Every Instagram post is a photo or video.
    if (editor.matches(CAPTION)) return true;
    return hasMediaPreview(root, editor, 'img[src^="blob:"], video');
  },

  sendsOnEnter: (editor) => editor.matches(MESSAGE) || editor.matches(COMMENT),
});
