// Tumblr. The post editor is a block editor: each text block is its own
// contenteditable; replies and messages are textareas.
import { defineAdapter, hasMediaPreview } from './common.js';

const REPLY = 'textarea[aria-label*="reply" i]';
const MESSAGE = 'textarea[aria-label*="message" i]';

export default defineAdapter({
  id: 'tumblr',
  editorSelector: [
    '.block-editor-rich-text__editable[contenteditable="true"]', // a text block of a post
    REPLY, // the reply box under a post
    MESSAGE, // the box of a messaging conversation
  ].join(', '),
  // "Post now" (also "Post", "Reblog", "Queue", "Schedule") in the post
  // form's footer, "Reply" under a post, "Send" in messaging.
  postButtonSelector: 'button',
  postButtonLabel: /^(post now|post|reblog|queue|schedule|reply|send)$/i,

  surface(editor) {
    if (editor.matches(REPLY)) return 'reply';
    if (editor.matches(MESSAGE)) return 'message';
    return 'post';
  },

  hasMedia(editor, root) {
    // Image and video blocks of the post.
    return hasMediaPreview(root, editor, 'figure img, img[src^="blob:"], video');
  },
});
