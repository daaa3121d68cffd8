import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportFalseAlarm } from '../src/background/check-client.js';
import { dismissLabel, findingKey, hasWords, wordsKey } from '../src/shared/findings.js';

// storage.local for the allow-list, installed before the module loads.
const local = {};
globalThis.browser = {
  storage: {
    local: {
      get: async (key) => (key in local ? { [key]: structuredClone(local[key]) } : {}),
      set: async (values) => Object.assign(local, structuredClone(values)),
    },
  },
};
const { allowWords, loadAllowList, removeAllowed, withoutAllowed } = await import('../src/shared/allow-list.js');

const finding = (category, quote, start = 3) => ({ category, quote, start, end: start + quote.length, severity: 'high' });

test('quotes of the same words share a key, as the service compares them (nlp/excepted.py)', () => {
  for (const quote of ['Grace', 'grace', '#Grace', '@grace', 'Grace’s', "Grace's", ' GRACE ', '“Grace”']) {
    assert.equal(wordsKey(quote), 'grace', quote);
  }
  assert.equal(wordsKey('Mrs   Kauser'), 'mrs kauser');
  assert.notEqual(findingKey(finding('pupil-name', 'Grace')), findingKey(finding('staff-name', 'Grace')));
});

test('each category has its own words for "not this"; a whole-post finding has no words to allow', () => {
  assert.equal(dismissLabel('pupil-name'), 'Not a pupil');
  assert.equal(dismissLabel('work-discussion'), 'Not about work');
  assert.equal(dismissLabel('some-new-category'), 'Not a problem here');
  assert.equal(hasWords({ category: 'working-hours', quote: '', start: 0, end: 0 }), false);
  assert.equal(hasWords(finding('pupil-name', 'Grace')), true);
});

test('the allow-list keeps words per category, once, and drops only what it covers', async () => {
  assert.equal(await allowWords('pupil-name', 'Grace'), true);
  assert.equal(await allowWords('pupil-name', '#grace'), true);
  assert.equal(await allowWords('pupil-name', '   '), false);
  assert.equal(await allowWords('pupil-name', 'x'.repeat(101)), false);
  assert.deepEqual(await loadAllowList(), [{ category: 'pupil-name', words: 'Grace' }]);
  const findings = [finding('pupil-name', "Grace's"), finding('staff-name', 'Grace'), finding('pupil-name', 'Aisha Khan'),
    { category: 'working-hours', quote: '', start: 0, end: 0 }];
  assert.deepEqual(withoutAllowed(findings, await loadAllowList()), findings.slice(1));
  await removeAllowed('pupil-name', 'GRACE');
  assert.deepEqual(await loadAllowList(), []);
  assert.deepEqual(withoutAllowed(findings, await loadAllowList()), findings);
});

test('a report to the school carries the category and the words, nothing else', async () => {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    return new Response('{"counted": true}', { status: 202, headers: { 'Content-Type': 'application/json' } });
  };
  const result = await reportFalseAlarm({ serverUrl: 'https://precheck.example', token: 'staff-token',
    category: 'pupil-name', words: 'Grace', fetchImpl });
  assert.deepEqual(result, { ok: true });
  assert.equal(calls[0].url, 'https://precheck.example/api/v1/false-alarms');
  assert.deepEqual(JSON.parse(calls[0].init.body), { category: 'pupil-name', words: 'Grace' });
  assert.equal(calls[0].init.headers.Authorization, 'Bearer staff-token');
  assert.equal(calls[0].init.credentials, 'omit');
});

test('a report that does not arrive says why', async () => {
  const refused = async () => new Response('{}', { status: 401 });
  const down = async () => { throw new TypeError('Failed to fetch'); };
  const args = { serverUrl: 'https://precheck.example', token: 't', category: 'pupil-name', words: 'Grace' };
  assert.deepEqual(await reportFalseAlarm({ ...args, fetchImpl: refused }), { ok: false, reason: 'unauthorized' });
  assert.deepEqual(await reportFalseAlarm({ ...args, fetchImpl: down }), { ok: false, reason: 'unreachable' });
  assert.deepEqual(await reportFalseAlarm({ ...args, token: '' }), { ok: false, reason: 'unconfigured' });
});
