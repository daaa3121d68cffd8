// Tumblr-style post form: a ProseMirror editor (the engine behind tiptap) as the text
// block (.block-editor-rich-text__editable) and a "Post now" button.
import {EditorState} from 'prosemirror-state';
import {EditorView} from 'prosemirror-view';
import {schema} from 'prosemirror-schema-basic';
import {keymap} from 'prosemirror-keymap';
import {baseKeymap} from 'prosemirror-commands';
import {history, redo, undo} from 'prosemirror-history';
import 'prosemirror-view/style/prosemirror.css';
import './page.css';
import {exposeEditorText, publish} from './posting.js';

const emptyState = () => EditorState.create({
  schema,
  plugins: [history(), keymap({'Mod-Enter': () => { post(); return true; }, 'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo}),
    keymap(baseKeymap)],
});
const view = new EditorView(document.getElementById('pm-editor'), {
  state: emptyState(),
  attributes: {class: 'block-editor-rich-text__editable', role: 'textbox', 'aria-label': 'Post body', 'aria-multiline': 'true'},
});

const readText = () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n');
exposeEditorText(readText);

function post() {
  publish(readText());
  view.updateState(emptyState());
}

document.querySelector('.post-form--save-button').addEventListener('click', post);
