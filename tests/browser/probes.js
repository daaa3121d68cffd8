// Functions evaluated in the test pages. Each returns plain data for the Python side.
({
  // The first element matching `selector` in the document or any open shadow root.
  find(selector, root = document) {
    const here = root.querySelector(selector);
    if (here) return here;
    for (const element of root.querySelectorAll('*')) {
      const inside = element.shadowRoot && this.find(selector, element.shadowRoot);
      if (inside) return inside;
    }
    return null;
  },

  // What has focus, inside open shadow roots too.
  activeElement() {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active;
  },

  // The client rectangles of the first occurrence of `quote` in the editor, measured
  // with Range.getClientRects() on the editor's own DOM (for a textarea, on a mirror
  // element laid out exactly like it, since a Range cannot reach a textarea's value).
  flaggedTextRects(editorSelector, quote) {
    const editor = this.find(editorSelector);
    const plain = (rects) => [...rects]
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({x: r.x, y: r.y, width: r.width, height: r.height}));

    if (editor instanceof HTMLTextAreaElement) {
      const start = editor.value.indexOf(quote);
      if (start < 0) return null;
      // The mirror stands in for the textarea's client area: inside its borders and
      // beside its scrollbar, which narrows the lines whenever the text overflows.
      const style = getComputedStyle(editor);
      const mirror = document.createElement('div');
      for (const property of [
        'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
        'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'lineHeight', 'fontFamily',
        'textAlign', 'textIndent', 'letterSpacing', 'wordSpacing', 'tabSize', 'direction',
      ]) mirror.style[property] = style[property];
      const box = editor.getBoundingClientRect();
      const horizontalPadding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      const verticalPadding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      Object.assign(mirror.style, {
        position: 'fixed', left: `${box.left + editor.clientLeft}px`, top: `${box.top + editor.clientTop}px`,
        margin: '0', border: '0', boxSizing: 'content-box',
        width: `${editor.clientWidth - horizontalPadding}px`, height: `${editor.clientHeight - verticalPadding}px`,
        whiteSpace: 'pre-wrap', overflowWrap: 'break-word', overflow: 'hidden', visibility: 'hidden',
      });
      const text = document.createTextNode(editor.value);
      mirror.append(text);
      document.body.append(mirror);
      mirror.scrollTop = editor.scrollTop;
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + quote.length);
      const rects = plain(range.getClientRects());
      mirror.remove();
      return rects;
    }

    // Editors split text over many nodes (Draft.js spans, Lexical text nodes...):
    // find the quote in their concatenation, then map back to (node, offset).
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    while (walker.nextNode()) {
      nodes.push({node: walker.currentNode, at: all.length});
      all += walker.currentNode.data;
    }
    const start = all.indexOf(quote);
    if (start < 0) return null;
    const end = start + quote.length;
    const locate = (offset, preferNext) => {
      for (let i = 0; i < nodes.length; i++) {
        const {node, at} = nodes[i];
        const inside = preferNext ? offset < at + node.data.length : offset <= at + node.data.length;
        if (offset >= at && inside) return [node, offset - at];
      }
      const last = nodes[nodes.length - 1];
      return [last.node, last.node.data.length];
    };
    const range = document.createRange();
    range.setStart(...locate(start, true));
    range.setEnd(...locate(end, false));
    return plain(range.getClientRects());
  },

  // Everything a script of the page can read outside the editor: the text and
  // attribute values of the document, of every open shadow root and of every
  // same-origin frame (a cross-origin frame, such as Precheck's, gives it nothing).
  readableByPage(editorSelector) {
    const editor = this.find(editorSelector);
    const parts = [document.title];
    const frames = {readable: 0, unreadable: 0};
    const walk = (node) => {
      if (node === editor) return;
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.data);
        return;
      }
      if (node.nodeType === Node.ELEMENT_NODE) {
        for (const attribute of node.attributes) parts.push(attribute.value);
        if ('value' in node && typeof node.value === 'string') parts.push(node.value);
        if (node.shadowRoot) walk(node.shadowRoot);
        if (node.tagName === 'IFRAME' || node.tagName === 'FRAME') {
          let inner = null;
          try {
            inner = node.contentDocument;
          } catch {
            inner = null;
          }
          if (inner) {
            frames.readable += 1;
            walk(inner.documentElement);
          } else {
            frames.unreadable += 1;
          }
        }
      }
      for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    };
    walk(document.documentElement);
    return {text: parts.join('\n'), frames};
  },

  // A page script writing into the editor the way scripts can: with the focus
  // moved there by script, and the browser's own insertText command, which the
  // editor libraries take as input (or, where a page says so, its editor's API).
  writeIntoEditor(editorSelector, text) {
    if (window.__pageScriptWrite) return window.__pageScriptWrite(text);
    const editor = this.find(editorSelector);
    editor.focus();
    if (editor instanceof HTMLTextAreaElement) {
      editor.setSelectionRange(editor.value.length, editor.value.length);
    } else {
      const selection = editor.getRootNode().getSelection?.() || document.getSelection();
      selection.selectAllChildren(editor);
      selection.collapseToEnd();
    }
    document.execCommand('insertText', false, text);
  },
})
