// An extension page in an iframe on the site's page, and the runtime port to
// it. What Precheck shows (findings, the clause, the school's note) goes only
// through this port into a frame of the extension's origin: page scripts see
// an iframe they cannot look into, never the words.
//
// The frame's address carries a random id; this content script and the frame
// each open a port under that name, which the background joins
// (background/frame-relay.js) and greets with "hello". Messages posted before
// then wait; of each type only the newest is kept (a layout or an answer
// replaces the one before).

import { ext } from '../shared/ext.js';
import { PORT_PREFIX } from '../shared/frames.js';

const RETIRE_DELAY_MS = 300;
// While a frame waits on the person (the pause), its port keeps the
// background awake; an idle background would close it.
const KEEP_ALIVE_MS = 20_000;

// The iframe keeps its box whatever the page's own CSS says about iframes.
const FRAME_STYLE = {
  position: 'fixed',
  left: '0',
  top: '0',
  right: 'auto',
  bottom: 'auto',
  width: '100%',
  height: '100%',
  'max-width': 'none',
  'max-height': 'none',
  'min-width': '0',
  'min-height': '0',
  margin: '0',
  padding: '0',
  border: '0',
  display: 'block',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  'clip-path': 'none',
  background: 'transparent',
  'color-scheme': 'light',
  'z-index': '2147483647',
};

export class ExtensionFrame {
  #id = crypto.randomUUID();
  #element;
  #port = null;
  #pending = new Map(); // type -> message
  #onMessage;
  #onGone;
  #gone = false;
  #keepAlive = 0;
  #channel = null; // the port, joined or not yet

  /**
   * @param {object} options
   * @param {string} options.page        the extension page (web_accessible_resources)
   * @param {string} options.kind        data-precheck of the iframe: "overlay", "dialog"
   * @param {string} options.title       the frame's accessible name
   * @param {Document} options.ownerDocument
   * @param {boolean} options.interactive  whether it takes pointer and focus
   * @param {(message: object) => void} [options.onMessage]
   * @param {() => void} [options.onGone]  the port closed (the frame was removed or replaced)
   */
  constructor({ page, kind, title, ownerDocument, interactive, onMessage, onGone }) {
    this.#onMessage = onMessage;
    this.#onGone = onGone;
    const element = ownerDocument.createElement('iframe');
    element.setAttribute('data-precheck', kind);
    element.setAttribute('title', title);
    if (!interactive) element.setAttribute('tabindex', '-1');
    for (const [property, value] of Object.entries(FRAME_STYLE)) {
      element.style.setProperty(property, value, 'important');
    }
    element.style.setProperty('pointer-events', interactive ? 'auto' : 'none', 'important');
    element.src = `${ext.runtime.getURL(page)}#${this.#id}`;
    this.#element = element;
    this.#connect();
    if (interactive) {
      this.#keepAlive = setInterval(() => this.post({ type: 'keep-alive' }), KEEP_ALIVE_MS);
    }
  }

  #connect() {
    const port = ext.runtime.connect({ name: `${PORT_PREFIX}${this.#id}` });
    this.#channel = port;
    let joined = false;
    port.onMessage.addListener((message) => {
      if (!joined) {
        joined = Boolean(message && message.type === 'hello');
        if (joined) this.#attach(port);
        return;
      }
      this.#onMessage?.(message);
    });
    port.onDisconnect.addListener(() => {
      clearInterval(this.#keepAlive);
      this.#port = null;
      this.#gone = true;
      this.#onGone?.();
    });
  }

  get element() {
    return this.#element;
  }

  /** Whether the frame has opened its port. */
  get connected() {
    return this.#port !== null;
  }

  /** Whether the frame's port closed: the frame is no longer ours to talk to. */
  get gone() {
    return this.#gone;
  }

  #attach(port) {
    this.#port = port;
    for (const message of this.#pending.values()) port.postMessage(message);
    this.#pending.clear();
  }

  /**
   * Whether a non-interactive frame takes the pointer for now (while it is
   * over a panel's buttons); the page gets it back with false.
   */
  takePointer(taken) {
    if (this.#gone) return;
    this.#element.style.setProperty('pointer-events', taken ? 'auto' : 'none', 'important');
  }

  post(message) {
    if (this.#gone) return;
    if (!this.#port) {
      this.#pending.delete(message.type);
      this.#pending.set(message.type, message);
      return;
    }
    try {
      this.#port.postMessage(message);
    } catch {
      this.#gone = true;
    }
  }

  /**
   * Gone from view and from assistive technology at once, out of the page a
   * moment later. Removing a frame within the very click made in it leaves
   * browser automation (Playwright) waiting on that click; people see no
   * difference.
   */
  retire() {
    const element = this.#element;
    element.setAttribute('data-precheck', `${element.getAttribute('data-precheck')}-closed`);
    element.setAttribute('aria-hidden', 'true');
    element.style.setProperty('visibility', 'hidden', 'important');
    element.style.setProperty('pointer-events', 'none', 'important');
    this.#disconnect();
    setTimeout(() => element.remove(), RETIRE_DELAY_MS);
  }

  remove() {
    this.#disconnect();
    this.#element.remove();
  }

  #disconnect() {
    clearInterval(this.#keepAlive);
    this.#onGone = null;
    this.#gone = true;
    try {
      this.#channel?.disconnect();
    } catch {
      // Already closed.
    }
    this.#channel = null;
    this.#port = null;
  }
}
