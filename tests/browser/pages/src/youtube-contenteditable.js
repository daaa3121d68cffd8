// YouTube's comment box: a bare contenteditable (#contenteditable-root) and a "Comment" button.
import './page.css';
import {exposeEditorText, isPostShortcut, publish} from './posting.js';

const box = document.getElementById('contenteditable-root');
exposeEditorText(() => box.innerText.replace(/\n$/, ''));

function post() {
  publish(box.innerText.replace(/\n$/, ''));
  box.textContent = '';
}

document.querySelector('#submit-button button').addEventListener('click', post);
box.addEventListener('keydown', (event) => {
  if (isPostShortcut(event)) {
    event.preventDefault();
    post();
  }
});
