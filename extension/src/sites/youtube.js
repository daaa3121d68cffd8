// YouTube comments and replies: a contenteditable inside ytd-commentbox.
import { defineAdapter } from './common.js';

export default defineAdapter({
  id: 'youtube',
  // "Add a comment…" / "Add a reply…": the editable root of the comment box.
  editorSelector: '#contenteditable-root[contenteditable="true"]',
  // The "Comment" / "Reply" button of that box.
  postButtonSelector: '#submit-button button, #submit-button[role="button"]',

  surface(editor) {
    if (editor.closest('ytd-backstage-post-dialog-renderer')) return 'post';
    if (
      editor.closest(
        'ytd-comment-replies-renderer, #reply-dialog, ytd-comment-view-model, ytd-comment-renderer',
      )
    ) {
      return 'reply';
    }
    return 'comment';
  },

  // A YouTube comment carries no photo or video.
  hasMedia: () => false,
});
