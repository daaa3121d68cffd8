// Mastodon's compose form: a plain textarea; the form submits on "Post" or Ctrl/Cmd+Enter.
import './page.css';
import {exposeEditorText, isPostShortcut, publish} from './posting.js';

const form = document.querySelector('form.compose-form');
const textarea = form.querySelector('textarea');
exposeEditorText(() => textarea.value);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  publish(textarea.value);
  textarea.value = '';
});
textarea.addEventListener('keydown', (event) => {
  if (isPostShortcut(event)) {
    event.preventDefault();
    form.requestSubmit();
  }
});
