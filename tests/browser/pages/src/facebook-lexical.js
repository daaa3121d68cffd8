// Facebook's "Create post" box: a Lexical plain-text editor, a photo/video picker whose
// previews (blob: images) sit outside the editor, and a role="button" "Post".
import {$createParagraphNode, $getRoot, COMMAND_PRIORITY_HIGH, KEY_ENTER_COMMAND, createEditor} from 'lexical';
import {registerPlainText} from '@lexical/plain-text';
import {createEmptyHistoryState, registerHistory} from '@lexical/history';
import './page.css';
import {exposeEditorText, isPostShortcut, previewAttachments, publish} from './posting.js';

const editor = createEditor({namespace: 'composer', onError: (error) => { throw error; }});
editor.setRootElement(document.querySelector('[role="textbox"]'));
registerPlainText(editor);
registerHistory(editor, createEmptyHistoryState(), 300); // Ctrl+Z, as on Facebook

const readText = () => editor.getEditorState().read(() => $getRoot().getTextContent());
exposeEditorText(readText);

const attachments = document.querySelector('.attachments');
previewAttachments(document.querySelector('input[type="file"]'), attachments);

function post() {
  publish(readText());
  editor.update(() => $getRoot().clear().append($createParagraphNode()));
  attachments.replaceChildren();
}

editor.registerCommand(KEY_ENTER_COMMAND, (event) => {
  if (!event || !isPostShortcut(event)) return false;
  event.preventDefault();
  post();
  return true;
}, COMMAND_PRIORITY_HIGH);

const button = document.querySelector('[role="button"][aria-label="Post"]');
button.addEventListener('click', post);
button.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') post(); });
