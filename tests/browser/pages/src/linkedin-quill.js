// LinkedIn's share box: a Quill editor (.ql-editor) and the primary "Post" button.
import Quill from 'quill';
import 'quill/dist/quill.core.css';
import './page.css';
import {exposeEditorText, publish} from './posting.js';

const quill = new Quill('#quill-editor', {
  placeholder: 'What do you want to talk about?',
  modules: {
    toolbar: false,
    keyboard: {bindings: {post: {key: 'Enter', shortKey: true, handler: () => { post(); return false; }}}},
  },
});
quill.root.setAttribute('role', 'textbox');
quill.root.setAttribute('aria-label', 'Text editor for creating content');
quill.root.setAttribute('aria-multiline', 'true');

// Quill's text always ends with the newline of its last line.
const readText = () => quill.getText().replace(/\n$/, '');
exposeEditorText(readText);

function post() {
  publish(readText());
  quill.setText('');
}

document.querySelector('.share-actions__primary-action').addEventListener('click', post);
