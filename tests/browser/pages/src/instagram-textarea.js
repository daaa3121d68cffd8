// Instagram's comment box under a post: a textarea that sends on Enter, and a "Post" button.
import './page.css';
import {exposeEditorText, publish} from './posting.js';

const textarea = document.querySelector('textarea[aria-label^="Add a comment"]');
exposeEditorText(() => textarea.value);

function post() {
  publish(textarea.value);
  textarea.value = '';
}

document.querySelector('.comment-form [role="button"]').addEventListener('click', post);
textarea.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    post();
  }
});
