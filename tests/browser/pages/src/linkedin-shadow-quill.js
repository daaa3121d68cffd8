// LinkedIn's share box as it is on the real feed: rendered inside the open
// shadow root of #interop-outlet, with the same Quill editor, media previews
// and "Post" button as linkedin-quill.js. The page's own stylesheet is linked
// again inside the shadow root, where the document's CSS does not reach.
import Quill from 'quill';
import 'quill/dist/quill.core.css';
import './page.css';
import {exposeEditorText, isPostShortcut, previewAttachments, publish} from './posting.js';

const outlet = document.getElementById('interop-outlet');
const shadow = outlet.attachShadow({mode: 'open'});
shadow.innerHTML = `
  <link rel="stylesheet" href="/linkedin-shadow-quill.css">
  <main>
    <div class="share-box" role="dialog" aria-label="Create a post">
      <div class="share-creation-state__text-editor"><div id="quill-editor" class="editor-box"></div></div>
      <div class="share-creation-state__additional-content"></div>
      <div class="share-box_actions actions"><label class="media-button">Add media<input type="file" accept="image/*,video/*" multiple hidden></label><button class="share-actions__primary-action artdeco-button" type="button">Post</button></div>
    </div>
  </main>`;

// Quill reads the caret from document.getSelection() and focus from
// document.activeElement, both of which Chromium keeps outside shadow roots;
// a site running Quill in one hands it the shadow root's own (Chromium's
// ShadowRoot.getSelection, where there is one).
const documentSelection = document.getSelection.bind(document);
document.getSelection = () => (shadow.getSelection ? shadow.getSelection() : documentSelection());

const quill = new Quill(shadow.querySelector('#quill-editor'), {
  placeholder: 'What do you want to talk about?',
  modules: {toolbar: false},
});
quill.selection.hasFocus = () => quill.root.contains(shadow.activeElement);
quill.root.setAttribute('role', 'textbox');
quill.root.setAttribute('aria-label', 'Text editor for creating content');
quill.root.setAttribute('aria-multiline', 'true');
// Quill's keyboard bindings need a selection, which Chromium's
// document.getSelection() does not give inside a shadow root; the site
// listens for its shortcut itself.
quill.root.addEventListener('keydown', (event) => {
  if (isPostShortcut(event)) {
    event.preventDefault();
    post();
  }
});

// Quill's text always ends with the newline of its last line.
const readText = () => quill.getText().replace(/\n$/, '');
exposeEditorText(readText);

const media = shadow.querySelector('.share-creation-state__additional-content');
previewAttachments(shadow.querySelector('.share-box input[type="file"]'), media);

function post() {
  publish(readText());
  quill.setText('');
  media.replaceChildren();
}

shadow.querySelector('.share-actions__primary-action').addEventListener('click', post);
