// What Precheck draws for one editor: highlight rectangles over the flagged
// words and a compact panel of findings beside the editor. All of it sits in
// an open shadow root on a host appended to <body>, never inside the editor,
// whose DOM belongs to the site's editor library.

import { h, shadowHost } from './dom.js';
import { OVERLAY_CSS } from './styles.js';
import { TextareaMirror } from './textarea-mirror.js';
import { findingItem } from './finding-item.js';
import { sortFindings } from '../shared/findings.js';

const GAP = 8;

function intersect(rect, clip) {
  const left = Math.max(rect.left, clip.left);
  const top = Math.max(rect.top, clip.top);
  const right = Math.min(rect.left + rect.width, clip.right);
  const bottom = Math.min(rect.top + rect.height, clip.bottom);
  if (right <= left || bottom <= top) return null;
  return { left, top, width: right - left, height: bottom - top };
}

export class Overlay {
  #editor;
  #host;
  #root;
  #layer;
  #panel;
  #status;
  #toggle;
  #mirror = null;
  #marks = []; // {finding, range?, expected?}
  #textareaText = null;
  #collapsed = false;
  #listed = null; // what the live region lists now
  #clippingAncestors = null;
  #composerBox;

  /**
   * @param {Element} editor
   * @param {() => DOMRect} [composerBox]  the box of the editor's whole composer
   */
  constructor(editor, composerBox) {
    this.#editor = editor;
    this.#composerBox = composerBox;
    const { host, root } = shadowHost('overlay', OVERLAY_CSS);
    this.#host = host;
    this.#root = root;
    this.#layer = h('div', { class: 'precheck-highlights' });
    this.#status = h('div', { role: 'status', 'aria-live': 'polite', class: 'precheck-status' });
    this.#toggle = h('button', { type: 'button', class: 'toggle', 'aria-expanded': 'true' }, 'Hide');
    this.#toggle.addEventListener('click', () => this.#setCollapsed(!this.#collapsed));
    this.#panel = h(
      'section',
      { class: 'precheck-panel empty', 'aria-label': 'Precheck' },
      h('header', {}, h('span', { class: 'title' }, 'Precheck'), this.#toggle),
      this.#status,
    );
    root.append(this.#layer, this.#panel);
    // Beside the page's body, unless the body is the editor (a rich-text frame).
    const { body, documentElement } = editor.ownerDocument;
    (body && !editor.contains(body) ? body : documentElement).append(host);
  }

  /**
   * Show an answer. `rangeFor(start, end)` gives a DOM Range for a contenteditable
   * editor; for a textarea the mirror measures at draw time.
   */
  showFindings({ findings, note, text, rangeFor }) {
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

    if (!sorted.length) {
      this.#status.replaceChildren();
      this.#panel.classList.add('empty');
      this.#listed = null;
      return;
    }
    // The live region is read out when it changes: the same findings again
    // (the writer typed elsewhere in the draft) are not announced again.
    const listed = JSON.stringify([note, sorted.map((f) => [f.category, f.severity, f.quote, f.clause])]);
    if (listed === this.#listed) return;
    this.#listed = listed;
    const count = sorted.length === 1 ? '1 thing to check' : `${sorted.length} things to check`;
    this.#status.replaceChildren(
      h('p', { class: 'summary' }, `${count} in this draft`),
      h('ul', {}, sorted.map(findingItem)),
      ...(note ? [h('p', { class: 'precheck-note' }, note)] : []),
    );
    this.#panel.classList.remove('empty');
  }

  /** Whether anything (highlights, panel) is on screen for this editor. */
  get isShowing() {
    return this.#marks.length > 0 || !this.#panel.classList.contains('empty');
  }

  /** The quiet, honest notice when the server gave no answer. */
  showNotice(detail) {
    this.#marks = [];
    this.#listed = null;
    this.#status.replaceChildren(
      h('p', { class: 'precheck-notice' }, 'Precheck could not check this post'),
      ...(detail ? [h('p', { class: 'precheck-notice' }, detail)] : []),
    );
    this.#panel.classList.remove('empty');
  }

  clear() {
    this.#marks = [];
    this.#listed = null;
    this.#status.replaceChildren();
    this.#panel.classList.add('empty');
    this.#layer.replaceChildren();
  }

  /** Put highlights and panel where the editor is now. */
  reposition() {
    // Nothing to place: skip the layout reads. The (empty) live region stays
    // rendered, so its first message is announced.
    if (!this.isShowing) {
      this.#layer.replaceChildren();
      return;
    }
    const editor = this.#editor;
    const view = editor.ownerDocument.defaultView;
    const box = editor.getBoundingClientRect();
    const visible = editor.isConnected && box.width > 0 && box.height > 0;
    this.#host.style.setProperty('display', visible ? 'block' : 'none', 'important');
    if (!visible) return;

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
    const rectangles = [];
    for (const mark of this.#marks) {
      for (const rect of this.#rectsOf(mark)) {
        const shown = intersect(rect, clip);
        if (shown) rectangles.push({ mark, rect: shown });
      }
    }
    this.#layer.replaceChildren(
      ...rectangles.map(({ mark, rect }) => {
        const div = h('div', {
          class: 'precheck-highlight',
          'data-start': mark.finding.start,
          'data-end': mark.finding.end,
          'data-category': mark.finding.category,
          'data-severity': mark.finding.severity,
        });
        div.style.left = `${rect.left}px`;
        div.style.top = `${rect.top}px`;
        div.style.width = `${rect.width}px`;
        div.style.height = `${rect.height}px`;
        return div;
      }),
    );
    this.#placePanel(box, view);
  }

  remove() {
    this.#mirror?.remove();
    this.#host.remove();
  }

  /** The editor's ancestors that clip what overflows them (found again only if the site moved it). */
  #scrollers() {
    const stale = this.#clippingAncestors?.some((ancestor) => !ancestor.contains(this.#editor));
    if (!this.#clippingAncestors || stale) {
      this.#clippingAncestors = [];
      const view = this.#editor.ownerDocument.defaultView;
      for (let node = this.#editor.parentElement; node && node !== node.ownerDocument.body; node = node.parentElement) {
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
    if (this.#editor.value !== this.#textareaText) return [];
    this.#mirror ??= new TextareaMirror(this.#root);
    return this.#mirror.rects(this.#editor, mark.finding.start, mark.finding.end);
  }

  /**
   * Beside the editor when there is room; otherwise under (or over) the
   * whole composer, so the panel never covers the site's Post button.
   */
  #placePanel(box, view) {
    if (this.#panel.classList.contains('empty')) return;
    const composer = this.#composerBox?.() ?? box;
    const width = this.#panel.offsetWidth;
    const height = this.#panel.offsetHeight;
    const clampLeft = (left) => Math.min(Math.max(left, GAP), view.innerWidth - width - GAP);
    let left;
    let top;
    if (box.right + GAP + width <= view.innerWidth) {
      left = box.right + GAP;
      top = Math.min(Math.max(box.top, GAP), view.innerHeight - height - GAP);
    } else if (composer.bottom + GAP + height <= view.innerHeight) {
      left = clampLeft(box.left);
      top = composer.bottom + GAP;
    } else if (composer.top - GAP - height >= 0) {
      left = clampLeft(box.left);
      top = composer.top - GAP - height;
    } else {
      left = clampLeft(box.left);
      top = Math.min(box.bottom + GAP, view.innerHeight - height - GAP);
    }
    this.#panel.style.left = `${Math.max(0, left)}px`;
    this.#panel.style.top = `${Math.max(0, top)}px`;
  }

  #setCollapsed(collapsed) {
    this.#collapsed = collapsed;
    this.#panel.classList.toggle('collapsed', collapsed);
    this.#toggle.textContent = collapsed ? 'Show' : 'Hide';
    this.#toggle.setAttribute('aria-expanded', String(!collapsed));
  }
}
