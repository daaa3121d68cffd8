// LinkedIn's share box: a Quill editor (.ql-editor), media previews in
// .share-creation-state__additional-content, and the primary "Post" button.
import Quill from 'quill';
import 'quill/dist/quill.core.css';
import './page.css';
import {exposeEditorText, previewAttachments, publish} from './posting.js';

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

const media = document.querySelector('.share-creation-state__additional-content');
previewAttachments(document.querySelector('.share-box input[type="file"]'), media);

function post() {
  publish(readText());
  quill.setText('');
  media.replaceChildren();
}

document.querySelector('.share-actions__primary-action').addEventListener('click', post);
