// Reads an editor's text the way a person sees it, and maps the server's
// offsets back to places in the DOM.
//
// The text is innerText-like: text nodes as they are (the editors we meet all
// use `white-space: pre-wrap`), one "\n" between blocks, one per <br> that
// really breaks a line. Offsets are UTF-16 code units, like JavaScript strings
// and the server's answer, so a text node's offsets map one to one.
//
// The walk reads only nodeType, nodeName, data, firstChild, nextSibling and
// parentNode, and never calls getComputedStyle: it runs once per check, and
// the editors' markup (Draft.js, Lexical, Quill, ProseMirror) tells blocks by
// tag.

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5',
  'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL',
]);

// Elements whose content is not text a reader sees in the draft.
const SKIPPED_TAGS = new Set([
  'AUDIO', 'CANVAS', 'IFRAME', 'IMG', 'NOSCRIPT', 'OBJECT', 'SCRIPT', 'STYLE', 'SVG',
  'TEMPLATE', 'VIDEO',
]);

function tagOf(node) {
  return node.nodeName.toUpperCase();
}

// A <br> that is the last thing in its block only keeps an empty line open
// (ProseMirror's trailing break, Lexical's and Quill's empty paragraph);
// it adds a line only when the block has nothing else.
function endsItsBlock(br) {
  for (let node = br; node; node = node.parentNode) {
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      if (next.nodeType === TEXT_NODE && next.data.length) return false;
      if (next.nodeType === ELEMENT_NODE && !SKIPPED_TAGS.has(tagOf(next))) return false;
    }
    const parent = node.parentNode;
    if (!parent || parent.nodeType !== ELEMENT_NODE || BLOCK_TAGS.has(tagOf(parent))) return true;
  }
  return true;
}

/**
 * Text of a contenteditable root and the segments that tie it to text nodes.
 * @returns {{text: string, segments: {node: object, start: number, end: number}[]}}
 */
export function extractText(root) {
  const parts = [];
  const segments = [];
  let length = 0;
  let breakPending = false;
  const blockStarts = [];

  const append = (string) => {
    parts.push(string);
    length += string.length;
  };
  const endsWithNewline = () => length > 0 && parts[parts.length - 1].endsWith('\n');
  const flushBreak = () => {
    if (breakPending && length > 0 && !endsWithNewline()) append('\n');
    breakPending = false;
  };

  const walk = (parent) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        if (!child.data.length) continue;
        flushBreak();
        segments.push({ node: child, start: length, end: length + child.data.length });
        append(child.data);
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = tagOf(child);
      if (SKIPPED_TAGS.has(tag)) continue;
      if (tag === 'BR') {
        const blockStart = blockStarts.length ? blockStarts[blockStarts.length - 1] : 0;
        if (endsItsBlock(child) && length > blockStart) continue;
        flushBreak();
        append('\n');
        continue;
      }
      const isBlock = BLOCK_TAGS.has(tag);
      if (isBlock) {
        breakPending = true;
        flushBreak();
        blockStarts.push(length);
      }
      walk(child);
      if (isBlock) {
        blockStarts.pop();
        breakPending = true;
      }
    }
  };
  walk(root);
  return { text: parts.join(''), segments };
}

/**
 * Where a text offset falls in the DOM. At a boundary between two text nodes,
 * or on a newline that no text node holds, a start looks forward and an end
 * looks back, so a range never spans a block break it does not cover.
 * @param {'start'|'end'} bias
 * @returns {{node: object, offset: number} | null}
 */
export function locate(segments, offset, bias) {
  if (!segments.length) return null;
  let low = 0;
  let high = segments.length - 1;
  // First segment whose end is >= offset (or > offset for a start).
  while (low < high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle];
    const before = bias === 'start' ? segment.end <= offset : segment.end < offset;
    if (before) low = middle + 1;
    else high = middle;
  }
  const segment = segments[low];
  if (bias === 'start') {
    if (segment.end <= offset) return { node: segment.node, offset: segment.end - segment.start };
    return { node: segment.node, offset: Math.max(0, offset - segment.start) };
  }
  if (segment.end < offset) return { node: segment.node, offset: segment.end - segment.start };
  if (segment.start >= offset && low > 0) {
    const previous = segments[low - 1];
    return { node: previous.node, offset: previous.end - previous.start };
  }
  return { node: segment.node, offset: Math.max(0, offset - segment.start) };
}

/** A DOM Range over [start, end) of the extracted text, or null when empty. */
export function rangeFor(document, segments, start, end) {
  if (end <= start) return null;
  const from = locate(segments, start, 'start');
  const to = locate(segments, end, 'end');
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range.collapsed ? null : range;
}
