// X's compose box: a Draft.js editor (data-testid="tweetTextarea_0"), the media picker
// (data-testid="fileInput") with its previews (data-testid="attachments") and "Post".
import React, {useRef, useState} from 'react';
import ReactDOM from 'react-dom';
import {Editor, EditorState, Modifier, getDefaultKeyBinding} from 'draft-js';
import 'draft-js/dist/Draft.css';
import './page.css';
import {exposeEditorText, exposePageScriptWrite, isPostShortcut, publish} from './posting.js';

function Composer() {
  const [editorState, setEditorState] = useState(() => EditorState.createEmpty());
  const [photos, setPhotos] = useState([]);
  const latest = useRef(editorState);
  latest.current = editorState;
  exposeEditorText(() => latest.current.getCurrentContent().getPlainText());
  // The page's own script writing into the draft, through Draft.js (the browser's
  // insertText command, which other editors take, breaks Draft.js's React tree).
  exposePageScriptWrite((text) => {
    const atEnd = EditorState.moveSelectionToEnd(latest.current);
    const content = Modifier.insertText(atEnd.getCurrentContent(), atEnd.getSelection(), text);
    setEditorState(EditorState.moveFocusToEnd(EditorState.push(atEnd, content, 'insert-characters')));
  });

  const post = () => {
    publish(latest.current.getCurrentContent().getPlainText());
    setEditorState(EditorState.createEmpty());
    setPhotos([]);
  };
  const attach = (event) => setPhotos([...event.target.files].map((file) => URL.createObjectURL(file)));
  return (
    <div>
      <div className="editor-box">
        <Editor
          editorState={editorState}
          onChange={setEditorState}
          placeholder="What is happening?!"
          ariaLabel="Post text"
          webDriverTestID="tweetTextarea_0"
          keyBindingFn={(event) => (isPostShortcut(event) ? 'post' : getDefaultKeyBinding(event))}
          handleKeyCommand={(command) => (command === 'post' ? (post(), 'handled') : 'not-handled')}
        />
      </div>
      {photos.length > 0 && (
        <div data-testid="attachments">
          {photos.map((url) => <img key={url} src={url} alt="" height="80" />)}
        </div>
      )}
      <div className="actions">
        <label className="media-button">
          Media
          <input type="file" data-testid="fileInput" accept="image/*,video/*" multiple hidden onChange={attach} />
        </label>
        <button type="button" role="button" data-testid="tweetButtonInline" onClick={post}>Post</button>
      </div>
    </div>
  );
}

ReactDOM.render(<Composer />, document.getElementById('compose'));
