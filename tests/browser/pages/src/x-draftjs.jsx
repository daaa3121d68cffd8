// X's compose box: a Draft.js editor (data-testid="tweetTextarea_0") and the "Post" button.
import React, {useRef, useState} from 'react';
import ReactDOM from 'react-dom';
import {Editor, EditorState, getDefaultKeyBinding} from 'draft-js';
import 'draft-js/dist/Draft.css';
import './page.css';
import {exposeEditorText, isPostShortcut, publish} from './posting.js';

function Composer() {
  const [editorState, setEditorState] = useState(() => EditorState.createEmpty());
  const latest = useRef(editorState);
  latest.current = editorState;
  exposeEditorText(() => latest.current.getCurrentContent().getPlainText());

  const post = () => {
    publish(latest.current.getCurrentContent().getPlainText());
    setEditorState(EditorState.createEmpty());
  };
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
      <div className="actions">
        <button type="button" role="button" data-testid="tweetButtonInline" onClick={post}>Post</button>
      </div>
    </div>
  );
}

ReactDOM.render(<Composer />, document.getElementById('compose'));
