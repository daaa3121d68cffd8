// Mastodon (any instance the user adds). The compose form is a textarea,
// used for new posts and replies; direct messages are posts whose visibility
// is "Private mention".
import { defineAdapter } from './common.js';

const VISIBILITY_CONTROL = [
  '.privacy-dropdown__value', // up to Mastodon 4.2
  '.compose-form__dropdowns button', // 4.3 and later
  '[aria-label*="visibility" i]',
].join(', ');

const DIRECT = /private mention|mentioned people only|direct|specific people/i;

function visibilityWords(form) {
  return [...form.querySelectorAll(VISIBILITY_CONTROL)]
    .map((el) => `${el.getAttribute('title') || ''} ${el.getAttribute('aria-label') || ''} ${el.textContent}`)
    .join(' ');
}

export default defineAdapter({
  id: 'mastodon',
  // The compose box (.autosuggest-textarea__textarea) of .compose-form.
  editorSelector: '.compose-form textarea',
  // "Post"/"Publish!"/"Reply" of the compose form.
  postButtonSelector: [
    '.compose-form button[type="submit"]',
    '.compose-form__publish button',
    '.compose-form__publish-button-wrapper button',
  ].join(', '),

  surface(editor) {
    const form = editor.closest('.compose-form') || editor;
    if (DIRECT.test(visibilityWords(form))) return 'message';
    if (form.querySelector('.reply-indicator')) return 'reply';
    return 'post';
  },

  hasMedia(editor) {
    const form = editor.closest('.compose-form') || editor;
    // A thumbnail per attached image or video.
    return Boolean(form.querySelector('.compose-form__upload, .compose-form__upload-thumbnail'));
  },
});
