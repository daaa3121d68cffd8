// Functions evaluated in the test pages. Each returns plain data for the Python side.
({
  // The client rectangles of the first occurrence of `quote` in the editor, measured
  // with Range.getClientRects() on the editor's own DOM (for a textarea, on a mirror
  // element laid out exactly like it, since a Range cannot reach a textarea's value).
  flaggedTextRects(editorSelector, quote) {
    const editor = document.querySelector(editorSelector);
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
})
