import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.browser = { storage: { local: { get: async () => ({}) }, managed: { get: async () => ({}) } } };
const { parseEnrolmentLink, isEnrolmentLink } = await import('../src/shared/enrolment.js');
const { exchangeEnrolment } = await import('../src/background/check-client.js');

const CODE = 'pce_' + 'A1b2_-'.repeat(7);

test('a link gives the server it names and its code', () => {
  assert.deepEqual(parseEnrolmentLink(` https://precheck.school.example/enrol#${CODE} `),
    { serverUrl: 'https://precheck.school.example', code: CODE });
  assert.deepEqual(parseEnrolmentLink(`https://school.example/precheck/enrol#${CODE}`),
    { serverUrl: 'https://school.example/precheck', code: CODE });
  assert.equal(parseEnrolmentLink(`http://127.0.0.1:8000/enrol#${CODE}`).serverUrl, 'http://127.0.0.1:8000');
});

test('what is not an enrolment link is refused in words', () => {
  for (const input of ['', 'pcs_token', 'https://precheck.school.example/', `https://precheck.school.example/enrol#pcs_abc`,
    `https://precheck.school.example/other#${CODE}`]) {
    assert.ok(parseEnrolmentLink(input).problem, input);
    assert.equal(isEnrolmentLink(input), false);
  }
  // plain http to another computer would send the token over the network unencrypted
  assert.match(parseEnrolmentLink(`http://precheck.school.example/enrol#${CODE}`).problem, /https/);
});

test('the exchange posts the code alone and reads the token', async () => {
  let sent;
  const fetchImpl = async (url, init) => {
    sent = { url, init };
    return new Response(JSON.stringify({ token: 'pcs_new', label: 'Mrs Kauser' }), { status: 200 });
  };
  const result = await exchangeEnrolment({ serverUrl: 'https://s.example', code: CODE, fetchImpl });
  assert.deepEqual(result, { ok: true, token: 'pcs_new', label: 'Mrs Kauser' });
  assert.equal(sent.url, 'https://s.example/api/v1/enrol');
  assert.deepEqual(JSON.parse(sent.init.body), { code: CODE });
  assert.equal(sent.init.headers.Authorization, undefined);
});

test('a used or expired link and an unreachable server are told apart', async () => {
  const refused = await exchangeEnrolment({ serverUrl: 'https://s.example', code: CODE,
    fetchImpl: async () => new Response('{"error": {}}', { status: 400 }) });
  assert.equal(refused.ok, false);
  assert.match(refused.message, /used already, has expired or was revoked/);
  const down = await exchangeEnrolment({ serverUrl: 'https://s.example', code: CODE,
    fetchImpl: async () => { throw new TypeError('fetch failed'); } });
  assert.match(down.message, /could not be reached/);
});
