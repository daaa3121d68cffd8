// Facebook and Messenger. Every box (post, comment, reply, message) is Lexical.
import { defineAdapter, hasMediaPreview } from './common.js';

const label = (editor) => (editor.getAttribute('aria-label') || '').trim();

function surface(editor) {
  const name = label(editor);
  if (/^(write a (public )?comment|comment as)/i.test(name)) return 'comment';
  if (/^(write a reply|reply)/i.test(name)) return 'reply';
  if (/^(message|aa$)/i.test(name)) return 'message';
  if (location.hostname.endsWith('messenger.com') || /^\/messages(\/|$)/.test(location.pathname)) {
    return 'message';
  }
  return 'post';
}

export default defineAdapter({
  id: 'facebook',
  // The Lexical root: "What's on your mind, …?", "Write a comment…",
  // "Write a reply…", "Message".
  editorSelector: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  postButtonSelector: [
    // "Post" in the Create post dialog, "Comment"/"Reply" arrows beside
    // comment boxes, "Send"/"Press Enter to send" in Messenger.
    '[role="button"][aria-label="Post"]',
    '[role="button"][aria-label="Comment"]',
    '[role="button"][aria-label="Reply"]',
    '[role="button"][aria-label="Send"]',
    '[role="button"][aria-label="Press Enter to send"]',
    // The submit arrow of the focused comment composer.
    '#focused-state-composer-submit',
  ].join(', '),

  surface,

  hasMedia(editor, root) {
    // Attached photos and videos preview from blob:/data: URLs beside the text.
    return hasMediaPreview(root, editor, 'img[src^="blob:"], img[src^="data:"], video');
  },

  // Comments, replies and messages are sent with Enter; a post needs its button.
  sendsOnEnter: (editor) => surface(editor) !== 'post',
});
