// Rectangles of a span of text inside a textarea. A textarea's text has no
// DOM Range, so an invisible copy with the same box, font and wrapping stands
// in for it (the approach of textarea-caret-position), built in Precheck's
// own shadow root, never in the page.

const COPIED_PROPERTIES = [
  'direction', 'boxSizing', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth',
  'borderLeftWidth', 'borderStyle', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'fontStyle', 'fontVariant', 'fontWeight', 'fontStretch', 'fontSize', 'fontSizeAdjust',
  'lineHeight', 'fontFamily', 'fontFeatureSettings', 'fontKerning', 'textAlign', 'textTransform',
  'textIndent', 'letterSpacing', 'wordSpacing', 'tabSize', 'whiteSpace', 'wordBreak',
  'overflowWrap',
];

export class TextareaMirror {
  #mirror;
  #text;

  constructor(shadowRoot) {
    this.#mirror = document.createElement('div');
    this.#mirror.setAttribute('aria-hidden', 'true');
    this.#text = document.createTextNode('');
    this.#mirror.append(this.#text);
    shadowRoot.append(this.#mirror);
  }

  /** Viewport rectangles of [start, end) of the textarea's current value. */
  rects(textarea, start, end) {
    const computed = getComputedStyle(textarea);
    const box = textarea.getBoundingClientRect();
    const style = this.#mirror.style;
    for (const property of COPIED_PROPERTIES) style[property] = computed[property];
    const paddingX = (parseFloat(computed.paddingLeft) || 0) + (parseFloat(computed.paddingRight) || 0);
    Object.assign(style, {
      position: 'fixed',
      visibility: 'hidden',
      pointerEvents: 'none',
      overflow: 'hidden',
      boxSizing: 'content-box',
      whiteSpace: 'pre-wrap',
      overflowWrap: computed.overflowWrap === 'normal' ? 'break-word' : computed.overflowWrap,
      // clientWidth leaves out a scrollbar, so lines wrap where the textarea's do.
      width: `${Math.max(0, textarea.clientWidth - paddingX)}px`,
      height: 'auto',
      left: `${box.left}px`,
      top: `${box.top}px`,
      margin: '0',
      borderColor: 'transparent',
    });
    this.#text.data = textarea.value;
    const range = document.createRange();
    range.setStart(this.#text, Math.min(start, this.#text.length));
    range.setEnd(this.#text, Math.min(end, this.#text.length));
    const shiftX = -textarea.scrollLeft;
    const shiftY = -textarea.scrollTop;
    return [...range.getClientRects()].map((rect) => ({
      left: rect.left + shiftX,
      top: rect.top + shiftY,
      width: rect.width,
      height: rect.height,
    }));
  }

  remove() {
    this.#mirror.remove();
  }
}
