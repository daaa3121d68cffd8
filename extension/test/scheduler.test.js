import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CheckScheduler } from '../src/content/scheduler.js';

/** Timers that run only when the test says time has passed. */
class FakeTimers {
  now = 0;
  #next = 1;
  #pending = new Map();

  setTimeout = (callback, delay) => {
    const id = this.#next++;
    this.#pending.set(id, { at: this.now + delay, callback });
    return id;
  };

  clearTimeout = (id) => {
    this.#pending.delete(id);
  };

  advance(ms) {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.#pending.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.#pending.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = until;
  }
}

/** A server whose answers the test releases one by one. */
function controlledServer() {
  const requests = [];
  return {
    requests,
    send: (text) =>
      new Promise((resolve) => {
        requests.push({ text, answer: (result) => resolve(result) });
      }),
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup({ delayMs = 500 } = {}) {
  const timers = new FakeTimers();
  const server = controlledServer();
  const editor = { text: '' };
  const answers = [];
  const scheduler = new CheckScheduler({
    read: () => editor.text,
    send: server.send,
    onAnswer: (result, text, { current }) => answers.push({ result, text, current }),
    delayMs,
    timers,
  });
  const type = (text) => {
    editor.text = text;
    scheduler.inputArrived();
  };
  return { timers, server, editor, answers, scheduler, type };
}

test('nothing is sent while typing continues; one request after the pause', () => {
  const { timers, server, type } = setup();
  for (const [index, text] of ['H', 'He', 'Hel', 'Hell', 'Hello'].entries()) {
    type(text);
    timers.advance(index === 4 ? 0 : 200);
  }
  assert.equal(server.requests.length, 0);
  timers.advance(499);
  assert.equal(server.requests.length, 0);
  timers.advance(1);
  assert.deepEqual(server.requests.map((r) => r.text), ['Hello']);
});

test('a fresh answer is shown and makes the scheduler current', async () => {
  const { timers, server, answers, scheduler, type } = setup();
  type('Well done Aisha');
  timers.advance(500);
  assert.equal(scheduler.isCurrent, false);
  server.requests[0].answer({ ok: true, findings: [{ start: 10, end: 15 }] });
  await flush();
  assert.equal(answers.length, 1);
  assert.equal(answers[0].text, 'Well done Aisha');
  assert.equal(scheduler.isCurrent, true);
});

test('an answer about text that has since changed is passed on as not current', async () => {
  const { timers, server, answers, scheduler, type } = setup();
  type('Well done Aisha');
  timers.advance(500);
  type('Well done Aisha Khan');
  server.requests[0].answer({ ok: true, findings: [] });
  await flush();
  assert.deepEqual(answers.map((a) => [a.text, a.current]), [['Well done Aisha', false]]);
  assert.equal(scheduler.isCurrent, false);
  timers.advance(500);
  assert.equal(server.requests.at(-1).text, 'Well done Aisha Khan');
});

test('a newer draft goes out without waiting for the older answer, which is dropped', async () => {
  const { timers, server, answers, type } = setup();
  type('one');
  timers.advance(500);
  type('one two');
  timers.advance(500); // fires while 'one' is still out
  assert.deepEqual(server.requests.map((r) => r.text), ['one', 'one two']);
  server.requests[1].answer({ ok: true, findings: ['two'] });
  await flush();
  server.requests[0].answer({ ok: true, findings: ['one'] });
  await flush();
  assert.deepEqual(answers.map((a) => [a.text, a.current]), [['one two', true]], 'the older answer is not shown over the newer');
  timers.advance(1000);
  assert.equal(server.requests.length, 2, 'nothing is asked again');
});

test('a finished word is checked at once; within a word the pause decides', () => {
  const { timers, server, editor, scheduler } = setup();
  for (const text of ['A', 'Ai', 'Ais', 'Aish', 'Aisha']) {
    editor.text = text;
    scheduler.inputArrived();
    timers.advance(150);
  }
  assert.equal(server.requests.length, 0);
  editor.text = 'Aisha ';
  scheduler.inputArrived({ wordEnded: true });
  timers.advance(20);
  assert.deepEqual(server.requests.map((r) => r.text), ['Aisha ']);
  timers.advance(1000);
  assert.equal(server.requests.length, 1, 'one check per finished word, none after the pause');
});

test('the same text is not sent twice while its answer is on the way', () => {
  const { timers, server, editor, scheduler } = setup();
  editor.text = 'Aisha.';
  scheduler.inputArrived({ wordEnded: true });
  timers.advance(20);
  scheduler.settle(2000);
  assert.equal(server.requests.length, 1);
});

test('text typed and undone reuses the answer without asking again', async () => {
  const { timers, server, answers, scheduler, type } = setup();
  type('same');
  timers.advance(500);
  server.requests[0].answer({ ok: true, findings: [] });
  await flush();
  type('samex');
  type('same');
  timers.advance(500);
  assert.equal(server.requests.length, 1);
  assert.equal(scheduler.isCurrent, true);
  assert.equal(answers.length, 2);
});

test('settle asks at once for text typed since the last answer', async () => {
  const { timers, server, scheduler, type } = setup();
  type('Post this');
  const settled = scheduler.settle(2000);
  await flush();
  assert.equal(server.requests.length, 1, 'no waiting for the debounce');
  server.requests[0].answer({ ok: true, findings: ['x'] });
  assert.deepEqual(await settled, { ok: true, findings: ['x'] });
  timers.advance(1000);
  assert.equal(server.requests.length, 1, 'the cancelled timer does not ask again');
});

test('settle waits for the request in flight, then asks about newer text', async () => {
  const { timers, server, scheduler, type } = setup();
  type('draft');
  timers.advance(500);
  type('draft edited');
  const settled = scheduler.settle(2000);
  server.requests[0].answer({ ok: true, findings: [] });
  await flush();
  assert.equal(server.requests.length, 2);
  assert.equal(server.requests[1].text, 'draft edited');
  server.requests[1].answer({ ok: true, findings: ['edited'] });
  assert.deepEqual((await settled).findings, ['edited']);
});

test('settle gives up after its timeout so posting is never held back', async () => {
  const { timers, server, scheduler, type } = setup();
  type('slow server');
  const settled = scheduler.settle(2000);
  await flush();
  assert.equal(server.requests.length, 1);
  timers.advance(2000);
  assert.equal(await settled, null);
});

test('a failing send is an answer that says so, not an exception', async () => {
  const timers = new FakeTimers();
  const answers = [];
  const scheduler = new CheckScheduler({
    read: () => 'text',
    send: () => Promise.reject(new Error('Extension context invalidated')),
    onAnswer: (result) => answers.push(result),
    timers,
  });
  scheduler.inputArrived();
  timers.advance(500);
  await flush();
  assert.deepEqual(answers, [{ ok: false, reason: 'error' }]);
});

test('after dispose a pending timer sends nothing and a late answer shows nothing', async () => {
  const { timers, server, answers, scheduler, type } = setup();
  type('bye');
  timers.advance(500);
  type('bye now');
  scheduler.dispose();
  server.requests[0].answer({ ok: true, findings: [] });
  await flush();
  timers.advance(1000);
  assert.equal(answers.length, 0);
  assert.equal(server.requests.length, 1);
});

test('invalidate makes the answer stale and settle asks again about the same text', async () => {
  const { timers, server, scheduler, type } = setup();
  type('Our trip today');
  timers.advance(500);
  server.requests[0].answer({ ok: true, findings: [] });
  await flush();
  assert.equal(scheduler.isCurrent, true);
  scheduler.invalidate(); // a photo was attached
  assert.equal(scheduler.isCurrent, false);
  timers.advance(1000);
  assert.equal(server.requests.length, 1, 'invalidate alone sends nothing');
  const settled = scheduler.settle(2000);
  await flush();
  assert.equal(server.requests.length, 2);
  assert.equal(server.requests[1].text, 'Our trip today');
  server.requests[1].answer({ ok: true, findings: ['child-photo'] });
  assert.deepEqual((await settled).findings, ['child-photo']);
});
