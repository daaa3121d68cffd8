// One editor being watched: when the person changes its text, check it a
// moment later; show what comes back. Owns the editor's scheduler and overlay.
//
// Only the person's own input starts a check: the text changes that follow a
// trusted key press, paste, drop, cut or IME composition. Text a page script
// writes is never checked on its own: that would let the page ask the server
// about names of its choosing. (Before a post goes out, the text as it is
// then is checked, whoever wrote it: that is what the person publishes.)

import { CheckScheduler } from './scheduler.js';
import { Overlay } from './overlay.js';
import { applyFix, removalSpan } from './apply-fix.js';
import { extractText, rangeFor } from './text-extraction.js';
import { findingKey, isBlocking } from '../shared/findings.js';
import { localIsoTime } from '../shared/local-time.js';
import { ext } from '../shared/ext.js';
import { checkedPart } from '../shared/draft.js';

const NO_FINDINGS = { ok: true, findings: [], note: null };

// What only a person does in an editor, as trusted events: press a key,
// paste, drop, cut, finish an IME composition. (A page script's
// execCommand('insertText') fires input events of its own, but never these.)
const PERSON_EVENTS = ['keydown', 'paste', 'drop', 'cut', 'compositionend'];
// The text changes that follow within this time are the person's: the
// editor's input events, and the DOM changes an editor makes itself
// (Draft.js and Lexical cancel the browser's input and render the text).
const TEXT_EVENTS = ['beforeinput', 'input'];
const RENDER_WINDOW_MS = 1000;

// A key that finishes a word: a space, Enter, or punctuation other than the
// apostrophes and hyphens inside names (O'Brien, Lily-Mae).
const endsWord = (key) => key === 'Enter' || (key.length === 1 && /[\s\p{P}]/u.test(key) && !/['’‐-]/u.test(key));

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
  #shown = null; // the last answer drawn, to draw again without a finding the person dismissed
  #dismissed = new Set(); // findingKey of warnings dismissed for this draft
  #told = null; // what became of the person's last false-alarm choice, said in the panel
  #composer = null;
  #sentKey = null; // context of the request out (or last sent)
  #answeredKey = null; // context of the answer shown
  #answeredText = null; // the draft the answer shown is about
  #personActedAt = -Infinity;
  #wordEnded = false; // the person's last key, paste or drop finished a word
  #onPersonEvent = (event) => {
    if (!event.isTrusted) return;
    this.#personActedAt = performance.now();
    this.#wordEnded = event.type !== 'keydown' || endsWord(event.key);
    if (event.type !== 'keydown') this.inputArrived();
  };
  #onTextChange = () => {
    if (performance.now() - this.#personActedAt <= RENDER_WINDOW_MS) this.inputArrived();
    else if (this.#overlay.isShowing) this.#onChange(); // not the person's change: only redraw
  };

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
    this.#overlay = new Overlay(editor, () => this.#composerBox(), (fix) => this.applyFix(fix),
      (action, finding) => this.falseAlarm(action, finding));
    this.#scheduler = new CheckScheduler({
      read: () => this.#read(),
      send: (text) => this.#send(text),
      onAnswer: (result, text, { current }) =>
        current ? this.#show(result, text) : this.#showMeanwhile(result, text),
    });
    for (const type of PERSON_EVENTS) editor.addEventListener(type, this.#onPersonEvent, true);
    for (const type of TEXT_EVENTS) editor.addEventListener(type, this.#onTextChange, true);
    if (!this.isTextarea) {
      // Draft.js and Lexical often change the DOM without an input event.
      this.#observer = new MutationObserver(this.#onTextChange);
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
    this.#scheduler.inputArrived({ wordEnded: this.#wordEnded });
    // Typing moves what is drawn; with nothing drawn there is nothing to move.
    if (this.#overlay.isShowing) this.#onChange();
  }

  /** The high and medium findings about the draft as it is now. */
  get blockingFindings() {
    return this.isCurrent ? this.#findings.filter(isBlocking) : [];
  }

  /**
   * Whether the last answer is about this text in this context (media,
   * surface, account). The text is read again: a page script may have
   * rewritten it without any event.
   */
  get isCurrent() {
    return (
      this.#scheduler.isCurrent &&
      this.#contextKey(this.#context()) === this.#answeredKey &&
      this.#read() === this.#answeredText
    );
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

  /**
   * The person chose one of a finding's replacements in the panel: it goes
   * in through the editor's own input path (apply-fix.js), and the draft is
   * checked again as after typing. A fix for words that have changed since
   * the answer is not applied: the next answer offers the fixes that fit.
   */
  async applyFix({ start, end, quote, replacement }) {
    const offered = this.#findings.some((f) => f.start === start && f.end === end && f.quote === quote &&
      Array.isArray(f.replacements) && f.replacements.includes(replacement));
    const text = this.#read();
    if (!offered || text.slice(start, end) !== quote) return;
    this.#personActedAt = performance.now(); // the change that follows is the person's
    this.#wordEnded = true; // and finished: checked at once
    const [from, to] = replacement ? [start, end] : removalSpan(text, start, end);
    const { segments } = this.#extraction;
    if (await applyFix(this.#editor, { start: from, end: to, replacement, segments })) this.inputArrived();
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
    for (const type of PERSON_EVENTS) this.#editor.removeEventListener(type, this.#onPersonEvent, true);
    for (const type of TEXT_EVENTS) this.#editor.removeEventListener(type, this.#onTextChange, true);
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
    return ext.runtime.sendMessage({ type: 'check', text: checkedPart(text), context });
  }

  /**
   * An answer about the draft as it was a moment ago, the person having typed
   * on: what it found before the point where the text has changed since still
   * stands, at the same offsets, and is shown while the next answer is on its
   * way (so a name is highlighted once it is finished, not once typing stops).
   * It holds no post back: only a current answer does.
   */
  #showMeanwhile(result, text) {
    if (!result || !result.ok) return;
    const now = this.#read();
    let same = 0;
    while (same < text.length && same < now.length && text[same] === now[same]) same += 1;
    const findings = result.findings.filter((finding) => finding.end <= same);
    this.#show({ ...result, findings }, now);
  }

  #show(result, text) {
    this.#answeredKey = this.#sentKey;
    this.#answeredText = text;
    this.#told = null;
    // An emptied editor starts a new draft: what was dismissed for the last one counts no more.
    if (!text.trim()) this.#dismissed.clear();
    if (!result || !result.ok) {
      this.#findings = [];
      this.#note = null;
      this.#shown = null;
      if (result && result.reason === 'unconfigured') this.#overlay.clear();
      else this.#overlay.showNotice(FAILURE_DETAIL[result && result.reason] || null);
      this.#onChange();
      return;
    }
    this.#shown = {
      text,
      note: result.note,
      findings: result.findings.map((finding) => ({
        ...finding,
        quote: finding.quote || text.slice(finding.start, finding.end),
      })),
    };
    this.#draw();
  }

  /** The answer shown, without the warnings dismissed for this draft. */
  #draw() {
    const { text, note, findings } = this.#shown;
    this.#findings = findings.filter((finding) => !this.#dismissed.has(findingKey(finding)));
    this.#note = note;
    const { segments } = this.#extraction;
    const document = this.#editor.ownerDocument;
    const checked = checkedPart(text);
    this.#overlay.showFindings({
      findings: this.#findings,
      note,
      text,
      told: this.#told,
      checkedLength: checked.length < text.length ? checked.length : null,
      rangeFor:
        this.#extraction.text === text && segments
          ? (start, end) => rangeFor(document, segments, start, end)
          : null,
    });
    this.#onChange();
  }

  /**
   * A warning's false-alarm button: "dismiss" hides it (and any warning of the same words and
   * category) for this draft at once; "allow" also keeps the words in the person's own
   * allow-list; "report" also tells the school, sending only the category and the words.
   */
  async falseAlarm(action, finding) {
    const shown = this.#shown?.findings.find((f) => f.category === finding.category && f.quote === finding.quote);
    if (!shown || !['dismiss', 'allow', 'report'].includes(action)) return;
    this.#dismissed.add(findingKey(shown));
    const words = `“${shown.quote}”`;
    this.#told = action === 'allow' ? `Precheck will not flag ${words} for you again (Options lists it).`
      : action === 'report' ? `Telling the school ${words} was flagged wrongly…` : null;
    this.#draw();
    if (action === 'dismiss') return;
    const message = { type: action === 'allow' ? 'allow-words' : 'report-false-alarm',
      category: shown.category, words: shown.quote };
    const result = await ext.runtime.sendMessage(message).catch(() => null);
    if (action === 'report' && this.#shown) {
      this.#told = result && result.ok
        ? `Thank you: the school will see that ${words} was flagged wrongly. Nothing else of your draft was sent.`
        : 'Precheck could not reach the school’s server: nothing was sent.';
      this.#draw();
    }
  }
}
