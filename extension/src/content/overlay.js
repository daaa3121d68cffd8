// What Precheck shows for one editor: highlights over the flagged words and,
// beside the editor, the findings or the quiet "checked: nothing found" sign.
// They are drawn in the overlay frame (an extension page, src/frame/), never
// in the page, whose scripts could read them; this side only measures where
// the editor and the words are and sends that, with the answer, over the
// frame's port. The frame is there, the same size, from the moment the editor
// is watched, so its presence tells the page nothing about a draft.

import { ExtensionFrame } from './extension-frame.js';
import { TextareaMirror } from './textarea-mirror.js';
import { sortFindings } from '../shared/findings.js';
import { OVERLAY_PAGE } from '../shared/frames.js';
import { composedParent, containsComposed } from '../shared/composed-dom.js';

function intersect(rect, clip) {
  const left = Math.max(rect.left, clip.left);
  const top = Math.max(rect.top, clip.top);
  const right = Math.min(rect.left + rect.width, clip.right);
  const bottom = Math.min(rect.top + rect.height, clip.bottom);
  if (right <= left || bottom <= top) return null;
  return { left, top, width: right - left, height: bottom - top };
}

const plainBox = (rect) => ({
  left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, width: rect.width, height: rect.height,
});

/** What the frame needs of a finding to list it. */
const forDisplay = ({ category, severity, clause, quote, message, suggestion, start, end, replacements }) => ({
  category, severity, clause, quote, message, suggestion, start, end,
  replacements: Array.isArray(replacements) ? replacements.filter((r) => typeof r === 'string') : [],
});

const inside = (box, x, y) => box && x >= box.left && x < box.right && y >= box.top && y < box.bottom;

export class Overlay {
  #editor;
  #frame;
  #answer = { type: 'answer', state: 'none' };
  #mirrorHost = null;
  #mirror = null;
  #marks = []; // {finding, range?, expected?}
  #textareaText = null;
  #clippingAncestors = null;
  #composerBox;
  #onFix;
  #onFalseAlarm;
  #panelBox = null; // where the frame drew a panel that has buttons, in the editor's viewport
  // The frame lets the pointer through to the page, except while it is over
  // the panel: then the panel's buttons take it, until the frame says it left.
  #onPointerMove = (event) => {
    if (inside(this.#panelBox, event.clientX, event.clientY)) this.#frame.takePointer(true);
  };

  /**
   * @param {Element} editor
   * @param {() => DOMRect} [composerBox]  the box of the editor's whole composer
   * @param {(fix: {start: number, end: number, quote: string, replacement: string}) => void} [onFix]
   *   the person chose a fix in the panel
   * @param {(action: string, finding: {category: string, quote: string}) => void} [onFalseAlarm]
   *   the person chose a warning's false-alarm button ("dismiss", "allow", "report")
   */
  constructor(editor, composerBox, onFix, onFalseAlarm) {
    this.#editor = editor;
    this.#composerBox = composerBox;
    this.#onFix = onFix;
    this.#onFalseAlarm = onFalseAlarm;
    this.#frame = this.#newFrame();
    editor.ownerDocument.addEventListener('pointermove', this.#onPointerMove, { capture: true, passive: true });
    if (editor.tagName === 'TEXTAREA') {
      // A textarea's words are measured on a copy of its text, in a closed
      // shadow root that exists from the start: page scripts see neither the
      // copy nor when it is measured.
      this.#mirrorHost = editor.ownerDocument.createElement('div');
      this.#mirrorHost.style.setProperty('display', 'contents', 'important');
      this.#mirror = new TextareaMirror(this.#mirrorHost.attachShadow({ mode: 'closed' }));
      this.#frame.element.after(this.#mirrorHost);
    }
  }

  #newFrame() {
    const document = this.#editor.ownerDocument;
    const frame = new ExtensionFrame({
      page: OVERLAY_PAGE,
      kind: 'overlay',
      title: 'Precheck',
      ownerDocument: document,
      interactive: false,
      onMessage: (message) => this.#fromFrame(message),
    });
    // Beside the page's body, unless the body is the editor (a rich-text frame).
    const { body, documentElement } = document;
    (body && !this.#editor.contains(body) ? body : documentElement).append(frame.element);
    return frame;
  }

  #fromFrame(message) {
    if (!message) return;
    if (message.type === 'panel') {
      this.#panelBox = message.box || null;
      if (!this.#panelBox) this.#frame.takePointer(false);
    } else if (message.type === 'pointer-out') {
      this.#frame.takePointer(false);
    } else if (message.type === 'false-alarm' && typeof message.category === 'string' &&
               typeof message.quote === 'string') {
      this.#onFalseAlarm?.(message.action, { category: message.category, quote: message.quote });
    } else if (message.type === 'fix' && typeof message.replacement === 'string') {
      const { start, end, quote, replacement } = message;
      this.#onFix?.({ start, end, quote, replacement });
    }
  }

  /** To the frame; a frame the page removed or replaced is drawn again. */
  #send(message) {
    if (this.#frame.gone) {
      this.#frame.remove();
      this.#frame = this.#newFrame();
      if (message.type !== 'answer') this.#frame.post(this.#answer);
    }
    this.#frame.post(message);
  }

  #showAnswer(answer) {
    this.#answer = { type: 'answer', ...answer };
    this.#send(this.#answer);
  }

  /**
   * Show an answer. `rangeFor(start, end)` gives a DOM Range for a contenteditable
   * editor; for a textarea the mirror measures at draw time. `checkedLength` is
   * set when only the start of a long draft was checked.
   */
  showFindings({ findings, note, text, rangeFor, checkedLength = null, told = null }) {
    const sorted = sortFindings(findings);
    this.#marks = sorted
      .filter((finding) => finding.end > finding.start)
      .map((finding) => {
        if (!rangeFor) return { finding };
        const range = rangeFor(finding.start, finding.end);
        return range ? { finding, range, expected: range.toString() } : null;
      })
      .filter(Boolean);
    this.#textareaText = rangeFor ? null : text;
    this.#showAnswer(
      sorted.length
        ? { state: 'findings', findings: sorted.map(forDisplay), note, checkedLength, told }
        : { state: 'clean', checkedLength, told },
    );
  }

  /** Whether anything (highlights, panel, sign) is on screen for this editor. */
  get isShowing() {
    return this.#marks.length > 0 || this.#answer.state !== 'none';
  }

  /** The quiet, honest notice when the server gave no answer. */
  showNotice(detail) {
    this.#marks = [];
    this.#showAnswer({ state: 'notice', detail });
  }

  clear() {
    this.#marks = [];
    this.#showAnswer({ state: 'none' });
    this.#send({ type: 'layout', visible: false, highlights: [] });
  }

  /** Put highlights and panel where the editor is now. */
  reposition() {
    if (!this.isShowing) return;
    const editor = this.#editor;
    const view = editor.ownerDocument.defaultView;
    const box = editor.getBoundingClientRect();
    const visible = editor.isConnected && box.width > 0 && box.height > 0;
    if (!visible) {
      this.#send({ type: 'layout', visible: false, highlights: [] });
      return;
    }
    const clip = {
      left: Math.max(box.left, 0),
      top: Math.max(box.top, 0),
      right: Math.min(box.right, view.innerWidth),
      bottom: Math.min(box.bottom, view.innerHeight),
    };
    // A composer that scrolls inside a dialog shows only part of the editor.
    for (const scroller of this.#scrollers()) {
      const area = scroller.getBoundingClientRect();
      clip.left = Math.max(clip.left, area.left);
      clip.top = Math.max(clip.top, area.top);
      clip.right = Math.min(clip.right, area.right);
      clip.bottom = Math.min(clip.bottom, area.bottom);
    }
    const highlights = [];
    for (const mark of this.#marks) {
      for (const rect of this.#rectsOf(mark)) {
        const shown = intersect(rect, clip);
        if (shown) {
          const { start, end, category, severity } = mark.finding;
          highlights.push({ ...shown, start, end, category, severity });
        }
      }
    }
    this.#send({
      type: 'layout',
      visible: true,
      editor: plainBox(box),
      composer: plainBox(this.#composerBox?.() ?? box),
      highlights,
    });
  }

  remove() {
    this.#editor.ownerDocument.removeEventListener('pointermove', this.#onPointerMove, { capture: true });
    this.#mirrorHost?.remove();
    this.#frame.remove();
  }

  /** The editor's ancestors that clip what overflows them (found again only if the site moved it). */
  #scrollers() {
    const stale = this.#clippingAncestors?.some((ancestor) => !containsComposed(ancestor, this.#editor));
    if (!this.#clippingAncestors || stale) {
      this.#clippingAncestors = [];
      const view = this.#editor.ownerDocument.defaultView;
      const { body } = this.#editor.ownerDocument;
      for (let node = composedParent(this.#editor); node && node !== body; node = composedParent(node)) {
        const style = view.getComputedStyle(node);
        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') this.#clippingAncestors.push(node);
      }
    }
    return this.#clippingAncestors;
  }

  #rectsOf(mark) {
    if (mark.range) {
      // The editor re-rendered those words: the range no longer covers them.
      if (mark.range.toString() !== mark.expected) return [];
      return [...mark.range.getClientRects()].filter((rect) => rect.width > 0);
    }
    if (!this.#mirror || this.#editor.value !== this.#textareaText) return [];
    return this.#mirror.rects(this.#editor, mark.finding.start, mark.finding.end);
  }
}
