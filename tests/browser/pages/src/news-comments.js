// A news site's comment form as WordPress renders it (#commentform, textarea#comment,
// "Post Comment"), which the extension meets through its generic adapter once the
// user adds the site. Ctrl/Cmd+Enter submits, as many comment scripts add.
import './page.css';
import {exposeEditorText, isPostShortcut, publish} from './posting.js';

const form = document.getElementById('commentform');
const textarea = document.getElementById('comment');
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
