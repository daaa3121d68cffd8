// Watches a page for the adapter's editors and stands between them and the
// site's Post/Reply/Send: one EditorSession per editor; one pause at a time.
//
// Listeners sit on window in the capture phase, so they run before the
// site's own (React and Lexical listen lower down). Only the person's own
// clicks and keys (trusted events) are paused: a page script pressing Post
// itself learns nothing from a pause, and Precheck's own replay of the
// original action, an untrusted event, goes straight through.

import { EditorSession } from './editor-session.js';
import { askBeforePosting } from './pause-dialog.js';
import { isBlocking } from '../shared/findings.js';
import { closestComposed, containsComposed, deepActiveElement } from '../shared/composed-dom.js';
import { lastPersonInputTarget } from './person-input.js';

// How long a post waits for a check of text typed since the last answer.
const SETTLE_TIMEOUT_MS = 2500;
const SWEEP_INTERVAL_MS = 2000;

const innermostTarget = (event) => (event.composedPath ? event.composedPath()[0] : event.target);

/** Events in Precheck's own panel and dialog are not the site's to publish. */
const isOurs = (event) =>
  event.composedPath &&
  event.composedPath().some((node) => node.nodeType === 1 && node.hasAttribute('data-precheck'));

export class Controller {
  #adapter;
  #config;
  #sessions = new Map(); // editor -> EditorSession
  #views = new Set(); // windows listened to: this page's and its editor frames'
  #frame = 0;
  #sweep = 0;
  #pausing = false;
  #lastFocused = null;

  constructor(adapter, config) {
    this.#adapter = adapter;
    this.#config = config;
  }

  start() {
    this.#watch(window);
    window.addEventListener('resize', this.#requestReposition, { passive: true });
    this.#sweep = setInterval(() => this.#housekeeping(), SWEEP_INTERVAL_MS);
    this.#adoptFrames();
    const active = deepActiveElement(document);
    if (active) this.#onFocusIn({ target: active });
    // The person may have typed here before Precheck started (their input is
    // noted from the page's first moment): check that text now.
    const session = this.#lastFocused && this.#sessions.get(this.#lastFocused);
    const typedIn = lastPersonInputTarget();
    if (session && typedIn && containsComposed(session.editor, typedIn)) session.inputArrived();
  }

  stop() {
    for (const view of this.#views) this.#unwatch(view);
    this.#views.clear();
    window.removeEventListener('resize', this.#requestReposition);
    clearInterval(this.#sweep);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    for (const session of this.#sessions.values()) session.destroy();
    this.#sessions.clear();
  }

  /**
   * Listens in a window (this page's, or a same-origin editor frame's):
   * focus starts sessions, clicks and Enter may publish, scrolling moves
   * highlights. Text arrives only in a focused editor, so there is no
   * listener per keystroke here; each session hears its own editor's input.
   */
  #watch(view) {
    if (this.#views.has(view)) return;
    this.#views.add(view);
    view.addEventListener('focusin', this.#onFocusIn, true);
    view.addEventListener('focus', this.#onWindowFocus, true);
    view.addEventListener('click', this.#onClick, true);
    view.addEventListener('keydown', this.#onKeydown, true);
    view.addEventListener('scroll', this.#requestReposition, { capture: true, passive: true });
  }

  #unwatch(view) {
    view.removeEventListener('focusin', this.#onFocusIn, true);
    view.removeEventListener('focus', this.#onWindowFocus, true);
    view.removeEventListener('click', this.#onClick, true);
    view.removeEventListener('keydown', this.#onKeydown, true);
    view.removeEventListener('scroll', this.#requestReposition, { capture: true });
  }

  /**
   * Editor frames with no address of their own (about:blank rich-text
   * frames) get no content script; the page's watches them instead.
   */
  #adoptFrames() {
    if (!this.#adapter.frameSelector) return;
    for (const frame of document.querySelectorAll(this.#adapter.frameSelector)) {
      let view = null;
      try {
        view = frame.contentDocument ? frame.contentWindow : null;
      } catch {
        view = null; // Another site's frame: not ours to watch.
      }
      if (view) this.#watch(view);
    }
  }

  #housekeeping() {
    this.#dropDetached();
    this.#adoptFrames();
  }

  setConfig(config) {
    this.#config = config;
    for (const session of this.#sessions.values()) session.setConfig(config);
  }

  /** Findings in the draft the person is writing (the last editor focused). */
  get currentFindings() {
    const session = this.#lastFocused && this.#sessions.get(this.#lastFocused);
    return session ? session.findings : [];
  }

  #onFocusIn = (event) => {
    const editor = this.#adapter.findEditor(innermostTarget(event));
    if (!editor) return;
    this.#lastFocused = editor;
    if (!this.#sessions.has(editor)) {
      this.#sessions.set(
        editor,
        new EditorSession(editor, this.#adapter, this.#config, this.#requestReposition),
      );
    }
  };

  /**
   * A frame whose body is the editor gets focus as a window, with no focusin
   * on an element: look at what is active in it.
   */
  #onWindowFocus = (event) => {
    const { target } = event;
    if (target && target.document && target.document.activeElement) {
      this.#onFocusIn({ target: target.document.activeElement });
    }
  };

  #requestReposition = () => {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      for (const session of this.#sessions.values()) session.reposition();
    });
  };

  #dropDetached() {
    for (const view of this.#views) {
      if (view !== window && view.closed) this.#views.delete(view);
    }
    for (const [editor, session] of this.#sessions) {
      if (!editor.isConnected) {
        session.destroy();
        this.#sessions.delete(editor);
      }
    }
  }

  /** Sessions whose drafts a post button (or an editor's shortcut) publishes. */
  #sessionsFor(node) {
    return [...this.#sessions.values()].filter((session) => {
      if (!session.editor.isConnected) return false;
      return session.editor === node || containsComposed(session.composerRoot(), node);
    });
  }

  #onClick = (event) => {
    if (!event.isTrusted || isOurs(event)) return;
    const button = this.#adapter.findPostButton(innermostTarget(event));
    if (!button) return;
    const sessions = this.#sessionsFor(button);
    this.#maybePause(event, sessions, () => this.#replayClick(this.#currentButton(button, sessions)));
  };

  /** The same button, or its replacement if the site re-rendered it meanwhile. */
  #currentButton(button, sessions) {
    if (button.isConnected || !sessions.length) return button;
    return this.#adapter.postButtonsIn(sessions[0].composerRoot())[0] || button;
  }

  #onKeydown = (event) => {
    if (!event.isTrusted || event.key !== 'Enter' || event.isComposing || isOurs(event)) return;
    const target = innermostTarget(event);
    const editor = this.#adapter.findEditor(target);
    if (!editor) return;
    const shortcut = (event.ctrlKey || event.metaKey) && !event.altKey;
    const plainEnter =
      !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey && this.#adapter.sendsOnEnter(editor);
    if (!shortcut && !plainEnter) return;
    const sessions = this.#sessionsFor(editor);
    const init = {
      key: event.key,
      code: event.code,
      keyCode: 13,
      which: 13,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      bubbles: true,
      cancelable: true,
      composed: true,
    };
    this.#maybePause(event, sessions, () => this.#replayKey(target, editor, init), editor);
  };

  /**
   * Let the event through when every draft it publishes has a current answer
   * with nothing high or medium; otherwise hold it, and decide once the
   * answers are in. Posting is never held back by a missing answer.
   */
  #maybePause(event, sessions, replay, focusAfterEdit = null) {
    if (!sessions.length) return;
    const ready = sessions.every((session) => session.isCurrent);
    if (ready && !sessions.some((session) => session.blockingFindings.length)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (this.#pausing) return;
    this.#pausing = true;
    this.#decide(sessions, replay, focusAfterEdit || sessions[0].editor).finally(() => {
      this.#pausing = false;
    });
  }

  async #decide(sessions, replay, editor) {
    const blocking = (await Promise.all(sessions.map((s) => s.settle(SETTLE_TIMEOUT_MS)))).flat();
    if (!blocking.length) {
      replay();
      return;
    }
    // In the site's own dialog, if the composer is one (its focus trap then lets
    // ours keep focus); else this page's body, even for an editor frame.
    const container = closestComposed(editor, '[role="dialog"], dialog') || document.body;
    const note = sessions.map((s) => s.note).find(Boolean) || null;
    // The panel lists the low ones too; the dialog says how many.
    const lower = sessions.flatMap((s) => s.findings).filter((finding) => !isBlocking(finding)).length;
    let fix = null; // a fix chosen in the dialog goes into the editor whose finding it is
    const onFix = (finding, replacement) => {
      const session = sessions.find((s) => s.findings.includes(finding));
      if (session) fix = () => session.applyFix({ start: finding.start, end: finding.end, quote: finding.quote, replacement });
    };
    let falseAlarm = null; // a warning dismissed in the dialog, as in the panel
    const onFalseAlarm = (finding, action) => {
      const session = sessions.find((s) => s.findings.includes(finding));
      if (session) falseAlarm = () => session.falseAlarm(action, finding);
    };
    const choice = await askBeforePosting({ findings: blocking, lower, note, container, onFix, onFalseAlarm });
    if (choice === 'post') {
      replay();
    } else if (fix) {
      fix(); // focuses that editor, puts the fix in and checks again
    } else if (falseAlarm) {
      falseAlarm();
      editor.focus();
    } else {
      editor.focus();
    }
  }

  #replayClick(button) {
    button.click();
  }

  #replayKey(target, editor, init) {
    const event = new KeyboardEvent('keydown', init);
    // Firefox ignores keyCode in the init; editors that read it (Draft.js)
    // would miss the shortcut, so press the composer's button instead.
    if (event.keyCode !== 13) {
      const [button] = this.#adapter.postButtonsIn(this.#adapter.composerRoot(editor));
      if (button) {
        this.#replayClick(button);
        return;
      }
    }
    // Editors act on a shortcut only while they have focus (Quill checks),
    // and the dialog has just held it.
    editor.focus();
    target.dispatchEvent(event);
  }
}
