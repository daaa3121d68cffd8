// Mastodon's compose form: a plain textarea, image uploads (.compose-form__upload); the
// form submits on "Post" or Ctrl/Cmd+Enter.
import './page.css';
import {exposeEditorText, isPostShortcut, previewAttachments, publish} from './posting.js';

const form = document.querySelector('form.compose-form');
const textarea = form.querySelector('textarea');
exposeEditorText(() => textarea.value);

const uploads = form.querySelector('.compose-form__uploads');
previewAttachments(form.querySelector('input[type="file"]'), uploads, (img) => {
  const upload = document.createElement('div');
  upload.className = 'compose-form__upload';
  upload.append(img);
  return upload;
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  publish(textarea.value);
  textarea.value = '';
  uploads.replaceChildren();
});
textarea.addEventListener('keydown', (event) => {
  if (isPostShortcut(event)) {
    event.preventDefault();
    form.requestSubmit();
  }
});
