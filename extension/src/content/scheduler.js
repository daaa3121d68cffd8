// When to check a draft: a while after the last input, one request at a time,
// and only answers about the text as it still is.
//
// Each input bumps a generation number and restarts a timer; that is all the
// work a keystroke costs. An answer counts only if no input arrived since its
// text was read; otherwise it is dropped and the timer (already restarted by
// that input) asks again.

export const DEFAULT_DELAY_MS = 500;

export class CheckScheduler {
  #delayMs;
  #read;
  #send;
  #onAnswer;
  #timers;
  #timer = null;
  #generation = 0;
  #inFlight = null;
  #fireWhenIdle = false;
  #answered = null; // {generation, text, result}

  /**
   * @param {object} options
   * @param {() => string} options.read      the editor's current text
   * @param {(text: string) => Promise<any>} options.send  asks the server
   * @param {(result: any, text: string) => void} options.onAnswer  fresh answers only
   * @param {number} [options.delayMs]
   * @param {{setTimeout: Function, clearTimeout: Function}} [options.timers]
   */
  constructor({ read, send, onAnswer, delayMs = DEFAULT_DELAY_MS, timers = globalThis }) {
    this.#read = read;
    this.#send = send;
    this.#onAnswer = onAnswer;
    this.#delayMs = delayMs;
    this.#timers = timers;
  }

  /** The draft changed: reschedule, nothing more. */
  inputArrived() {
    this.#generation += 1;
    this.#restartTimer();
  }

  /**
   * Something the answer depends on besides the text changed (a photo was
   * attached): the answer held is no longer current, and is not reused for
   * the same text. Nothing is sent until the next input or settle().
   */
  invalidate() {
    this.#generation += 1;
    this.#answered = this.#answered && { ...this.#answered, text: null };
  }

  /** Whether the last answer is about the text as it is now. */
  get isCurrent() {
    return this.#answered !== null && this.#answered.generation === this.#generation;
  }

  get lastResult() {
    return this.#answered ? this.#answered.result : null;
  }

  /**
   * An answer about the current text, asking at once if there is none.
   * Resolves null if none arrives within `timeoutMs`.
   */
  async settle(timeoutMs) {
    if (this.isCurrent) return this.#answered.result;
    this.#cancelTimer();
    let timeout;
    const expired = new Promise((resolve) => {
      timeout = this.#timers.setTimeout(() => resolve(null), timeoutMs);
    });
    const answered = (async () => {
      while (!this.isCurrent) {
        if (this.#inFlight) await this.#inFlight;
        else await this.#request();
      }
      return this.#answered.result;
    })();
    try {
      return await Promise.race([answered, expired]);
    } finally {
      this.#timers.clearTimeout(timeout);
    }
  }

  /** Stops the timer; an answer still on its way is ignored. */
  dispose() {
    this.#cancelTimer();
    this.#generation += 1;
    this.#onAnswer = () => {};
  }

  #restartTimer() {
    this.#cancelTimer();
    this.#timer = this.#timers.setTimeout(() => this.#fire(), this.#delayMs);
  }

  #cancelTimer() {
    if (this.#timer !== null) this.#timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #fire() {
    this.#timer = null;
    if (this.#inFlight) {
      this.#fireWhenIdle = true;
      return;
    }
    this.#request();
  }

  #request() {
    const generation = this.#generation;
    const text = this.#read();
    if (this.#answered && this.#answered.text === text) {
      // Typed and undone: the answer we hold is about this very text.
      this.#answered = { ...this.#answered, generation };
      this.#onAnswer(this.#answered.result, text);
      return Promise.resolve();
    }
    this.#inFlight = (async () => {
      let result;
      try {
        result = await this.#send(text);
      } catch {
        result = { ok: false, reason: 'error' };
      }
      this.#inFlight = null;
      if (generation === this.#generation) {
        this.#answered = { generation, text, result };
        this.#onAnswer(result, text);
      }
      if (this.#fireWhenIdle) {
        this.#fireWhenIdle = false;
        if (this.#timer === null) this.#request();
      }
    })();
    return this.#inFlight;
  }
}
