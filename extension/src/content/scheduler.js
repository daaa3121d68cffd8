// When to check a draft: as soon as a word is finished, or a short pause after
// the last input otherwise; and only answers about the text as it still is.
//
// Each input bumps a generation number and restarts a timer; that is all the
// work a keystroke costs. An answer is current only if no input arrived since
// its text was read; one that arrives after more typing is still passed on,
// marked not current (what it found before the point where the text changed
// still stands), unless a newer answer was passed on already. A newer draft
// does not wait for an older draft's answer: its request goes out at once.

// The pause after the last key within a word: longer than the gap between a
// typist's keys in a word, so a check goes out mostly where the word ends anyway.
export const DEFAULT_DELAY_MS = 200;
// After a key that ends a word: long enough for the editor to render that key.
export const WORD_END_DELAY_MS = 20;

export class CheckScheduler {
  #delayMs;
  #wordEndDelayMs;
  #read;
  #send;
  #onAnswer;
  #timers;
  #timer = null;
  #generation = 0;
  #inFlight = null; // the request about the latest text sent
  #answered = null; // {generation, text, result}: the last current answer
  #passedOn = 0; // generation of the newest answer passed on, current or not

  /**
   * @param {object} options
   * @param {() => string} options.read      the editor's current text
   * @param {(text: string) => Promise<any>} options.send  asks the server
   * @param {(result: any, text: string, about: {current: boolean}) => void} options.onAnswer
   *   each answer newer than the last passed on
   * @param {number} [options.delayMs]
   * @param {number} [options.wordEndDelayMs]
   * @param {{setTimeout: Function, clearTimeout: Function}} [options.timers]
   */
  constructor({
    read,
    send,
    onAnswer,
    delayMs = DEFAULT_DELAY_MS,
    wordEndDelayMs = WORD_END_DELAY_MS,
    timers = globalThis,
  }) {
    this.#read = read;
    this.#send = send;
    this.#onAnswer = onAnswer;
    this.#delayMs = delayMs;
    this.#wordEndDelayMs = wordEndDelayMs;
    this.#timers = timers;
  }

  /**
   * The draft changed: reschedule, nothing more. `wordEnded` when the
   * person's key finished a word (space, punctuation, Enter): check almost at once.
   */
  inputArrived({ wordEnded = false } = {}) {
    this.#generation += 1;
    this.#restartTimer(wordEnded ? this.#wordEndDelayMs : this.#delayMs);
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
      while (!this.isCurrent) await this.#request();
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

  #restartTimer(delayMs) {
    this.#cancelTimer();
    this.#timer = this.#timers.setTimeout(() => this.#fire(), delayMs);
  }

  #cancelTimer() {
    if (this.#timer !== null) this.#timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  #fire() {
    this.#timer = null;
    this.#request();
  }

  #request() {
    const generation = this.#generation;
    const text = this.#read();
    if (this.#answered && this.#answered.text === text) {
      // Typed and undone: the answer we hold is about this very text.
      this.#answered = { ...this.#answered, generation };
      this.#passedOn = generation;
      this.#onAnswer(this.#answered.result, text, { current: true });
      return Promise.resolve();
    }
    if (this.#inFlight && this.#inFlight.text === text) return this.#inFlight.done;
    const request = { text, done: null };
    request.done = (async () => {
      let result;
      try {
        result = await this.#send(text);
      } catch {
        result = { ok: false, reason: 'error' };
      }
      if (this.#inFlight === request) this.#inFlight = null;
      if (generation <= this.#passedOn) return;
      this.#passedOn = generation;
      const current = generation === this.#generation;
      if (current) this.#answered = { generation, text, result };
      this.#onAnswer(result, text, { current });
    })();
    this.#inFlight = request;
    return request.done;
  }
}
