// One editor being watched: when its text changes, check it a moment later;
// show what comes back. Owns the editor's scheduler and overlay.

import { CheckScheduler } from './scheduler.js';
import { Overlay } from './overlay.js';
import { extractText, rangeFor } from './text-extraction.js';
import { isBlocking } from '../shared/findings.js';
import { localIsoTime } from '../shared/local-time.js';
import { ext } from '../shared/ext.js';

const NO_FINDINGS = { ok: true, findings: [], note: null };

const FAILURE_DETAIL = {
  unauthorized: 'The server did not accept the access token (see Precheck’s options).',
  unreachable: 'The server could not be reached.',
  'rate-limited': 'The server is busy just now.',
};

export class EditorSession {
  #editor;
  #adapter;
  #config;
  #onChange;
  #scheduler;
  #overlay;
  #observer = null;
  #resizeObserver;
  #extraction = { text: '', segments: [] };
  #findings = [];
  #note = null;
  #composer = null;
  #sentKey = null; // context of the request out (or last sent)
  #answeredKey = null; // context of the answer shown
  #onInput = () => this.inputArrived();

  /**
   * @param {Element} editor
   * @param {object} adapter   the site adapter
   * @param {{account: string}} config
   * @param {() => void} onChange  something to draw changed (reposition soon)
   */
  constructor(editor, adapter, config, onChange) {
    this.#editor = editor;
    this.#adapter = adapter;
    this.#config = config;
    this.#onChange = onChange;
    this.#overlay = new Overlay(editor, () => this.#composerBox());
    this.#scheduler = new CheckScheduler({
      read: () => this.#read(),
      send: (text) => this.#send(text),
      onAnswer: (result, text) => this.#show(result, text),
    });
    editor.addEventListener('input', this.#onInput);
    if (!this.isTextarea) {
      // Draft.js and Lexical often change the DOM without an input event.
      this.#observer = new MutationObserver(this.#onInput);
      this.#observer.observe(editor, { childList: true, characterData: true, subtree: true });
    }
    // Highlights move when the editor or its page changes size or reflows.
    this.#resizeObserver = new ResizeObserver(() => {
      if (this.#overlay.isShowing) this.#onChange();
    });
    this.#resizeObserver.observe(editor);
    if (editor.ownerDocument.body && editor.ownerDocument.body !== editor) {
      this.#resizeObserver.observe(editor.ownerDocument.body);
    }
    this.inputArrived();
  }

  get editor() {
    return this.#editor;
  }

  get isTextarea() {
    return this.#editor.tagName === 'TEXTAREA';
  }

  get findings() {
    return this.#findings;
  }

  get note() {
    return this.#note;
  }

  inputArrived() {
    this.#scheduler.inputArrived();
    // Typing moves what is drawn; with nothing drawn there is nothing to move.
    if (this.#overlay.isShowing) this.#onChange();
  }

  /** The high and medium findings about the draft as it is now. */
  get blockingFindings() {
    return this.isCurrent ? this.#findings.filter(isBlocking) : [];
  }

  /** Whether the last answer is about this text in this context (media, surface, account). */
  get isCurrent() {
    return this.#scheduler.isCurrent && this.#contextKey(this.#context()) === this.#answeredKey;
  }

  /** Wait briefly for an answer about the draft as it is now; then its blocking findings. */
  async settle(timeoutMs) {
    if (this.#scheduler.isCurrent && !this.isCurrent) this.#scheduler.invalidate();
    await this.#scheduler.settle(timeoutMs);
    return this.blockingFindings;
  }

  reposition() {
    this.#overlay.reposition();
  }

  /** The editor's composer, found once and again only if the site rebuilt it. */
  composerRoot() {
    const cached = this.#composer;
    if (cached && cached.isConnected && cached.contains(this.#editor)) return cached;
    this.#composer = this.#adapter.composerRoot(this.#editor);
    return this.#composer;
  }

  /** The composer's box, in the editor's own viewport (an editor frame is its own). */
  #composerBox() {
    const root = this.composerRoot();
    const inSameDocument = root.ownerDocument === this.#editor.ownerDocument;
    return (inSameDocument ? root : this.#editor).getBoundingClientRect();
  }

  setConfig(config) {
    this.#config = config;
  }

  destroy() {
    this.#scheduler.dispose();
    this.#observer?.disconnect();
    this.#resizeObserver.disconnect();
    this.#editor.removeEventListener('input', this.#onInput);
    this.#overlay.remove();
  }

  #read() {
    if (this.isTextarea) {
      this.#extraction = { text: this.#editor.value, segments: null };
    } else {
      this.#extraction = extractText(this.#editor);
    }
    return this.#extraction.text;
  }

  /** What of the context changes an answer; the clock does not count here. */
  #contextKey(context) {
    return `${context.surface}|${context.has_media}|${context.account}`;
  }

  #context() {
    const root = this.composerRoot();
    return {
      site: location.hostname,
      surface: this.#adapter.surface(this.#editor, root),
      account: this.#config.account,
      has_media: Boolean(this.#adapter.hasMedia(this.#editor, root)),
      local_time: localIsoTime(),
    };
  }

  async #send(text) {
    const context = this.#context();
    this.#sentKey = this.#contextKey(context);
    if (!text.trim()) return NO_FINDINGS;
    return ext.runtime.sendMessage({ type: 'check', text, context });
  }

  #show(result, text) {
    this.#answeredKey = this.#sentKey;
    if (!result || !result.ok) {
      this.#findings = [];
      this.#note = null;
      if (result && result.reason === 'unconfigured') this.#overlay.clear();
      else this.#overlay.showNotice(FAILURE_DETAIL[result && result.reason] || null);
      this.#onChange();
      return;
    }
    this.#findings = result.findings.map((finding) => ({
      ...finding,
      quote: finding.quote || text.slice(finding.start, finding.end),
    }));
    this.#note = result.note;
    const { segments } = this.#extraction;
    const document = this.#editor.ownerDocument;
    this.#overlay.showFindings({
      findings: this.#findings,
      note: result.note,
      text,
      rangeFor:
        this.#extraction.text === text && segments
          ? (start, end) => rangeFor(document, segments, start, end)
          : null,
    });
    this.#onChange();
  }
}
