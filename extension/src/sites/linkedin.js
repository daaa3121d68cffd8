// LinkedIn. The share box and comment boxes are Quill; messaging is a plain
// contenteditable. The share box ("Start a post") is rendered inside the open
// shadow root of #interop-outlet; common.js finds editors, buttons and media
// through it, and the surface is read across it.
import { defineAdapter, hasMediaPreview } from './common.js';
import { closestComposed } from '../shared/composed-dom.js';

export default defineAdapter({
  id: 'linkedin',
  editorSelector: [
    // Quill's editable div: in the "Start a post" share box
    // (.share-creation-state__text-editor) and in comment boxes.
    '.ql-editor[contenteditable="true"]',
    // The message box of a conversation.
    '.msg-form__contenteditable[contenteditable="true"]',
  ].join(', '),
  postButtonSelector: [
    'button.share-actions__primary-action', // "Post" in the share box
    'button.comments-comment-box__submit-button', // "Comment" / "Reply"
    'button.comments-comment-box__submit-button--cr',
    'button.msg-form__send-button', // "Send" in messaging
    'button.msg-form__send-btn',
  ].join(', '),

  surface(editor) {
    if (closestComposed(editor, '.msg-form')) return 'message';
    if (
      closestComposed(
        editor,
        '.comments-comment-item__nested-items, .comments-reply-item, .comments-comment-box--reply',
      )
    ) {
      return 'reply';
    }
    if (closestComposed(editor, '.comments-comment-box, .comments-comment-texteditor')) return 'comment';
    return 'post';
  },

  hasMedia(editor, root) {
    // Attached images/videos show under the text in the share box, and in the
    // "detour" area of a comment box.
    return hasMediaPreview(
      root,
      editor,
      [
        '.share-creation-state__additional-content img',
        '.share-creation-state__additional-content video',
        '.share-images img',
        '.comments-comment-box__detour-container img',
        'img[src^="blob:"]',
        'video',
      ].join(', '),
    );
  },
});
