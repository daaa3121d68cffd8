import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft, testConnection } from '../src/background/check-client.js';

function respond(status, body) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { calls, fetchImpl };
}

const server = { serverUrl: 'https://precheck.example', token: 'staff-token' };
const finding = {
  category: 'pupil-name', clause: '4.2', severity: 'high', start: 10, end: 15,
  quote: 'Aisha', message: 'm', suggestion: 's',
};

test('a check posts the text and context with the bearer token', async () => {
  const { calls, fetchImpl } = respond(200, { findings: [finding], lists_version: 3, note: 'DSL: Mrs K' });
  const context = { site: 'x.com', surface: 'post' };
  const result = await checkDraft({ ...server, text: 'Well done Aisha', context, fetchImpl });
  assert.deepEqual(result, { ok: true, findings: [finding], note: 'DSL: Mrs K' });
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, 'https://precheck.example/api/v1/check');
  assert.equal(calls[0].init.method, 'POST');
  assert.equal(calls[0].init.headers.Authorization, 'Bearer staff-token');
  assert.deepEqual(JSON.parse(calls[0].init.body), { text: 'Well done Aisha', context });
});

test('no note in the answer is no note', async () => {
  const { fetchImpl } = respond(200, { findings: [], lists_version: 1 });
  const result = await checkDraft({ ...server, text: 'hi', context: {}, fetchImpl });
  assert.deepEqual(result, { ok: true, findings: [], note: null });
});

test('a refused token, a busy server and a server error are told apart', async () => {
  for (const [status, reason] of [[401, 'unauthorized'], [429, 'rate-limited'], [500, 'server-error']]) {
    const { fetchImpl } = respond(status, { error: { code: 'x', message: 'y' } });
    const result = await checkDraft({ ...server, text: 'hi', context: {}, fetchImpl });
    assert.equal(result.ok, false);
    assert.equal(result.reason, reason);
  }
});

test('a network failure is "unreachable", never an exception', async () => {
  const fetchImpl = async () => {
    throw new TypeError('Failed to fetch');
  };
  const result = await checkDraft({ ...server, text: 'hi', context: {}, fetchImpl });
  assert.deepEqual(result, { ok: false, reason: 'unreachable' });
});

test('an answer that is not the contract is not trusted', async () => {
  for (const body of ['<html>', { findings: 'none' }, { findings: [{ category: 'x', start: 5, end: 2 }] }]) {
    const { fetchImpl } = respond(200, body);
    const result = await checkDraft({ ...server, text: 'hi', context: {}, fetchImpl });
    assert.deepEqual(result, { ok: false, reason: 'bad-answer' });
  }
});

test('without a server or token nothing is sent', async () => {
  const { calls, fetchImpl } = respond(200, { findings: [] });
  const result = await checkDraft({ serverUrl: '', token: 't', text: 'hi', context: {}, fetchImpl });
  assert.deepEqual(result, { ok: false, reason: 'unconfigured' });
  assert.equal(calls.length, 0);
});

test('Test connection sends a harmless text with no context, and says plainly what happened', async () => {
  const ok = respond(200, { findings: [], lists_version: 1 });
  const good = await testConnection({ ...server, fetchImpl: ok.fetchImpl });
  assert.equal(good.ok, true);
  assert.match(good.message, /server answered and your access token works/);
  const sent = JSON.parse(ok.calls[0].init.body);
  assert.deepEqual(sent.context, {});
  assert.ok(sent.text.length < 20);

  const refused = respond(401, { error: { code: 'unauthorized', message: 'bad token' } });
  const bad = await testConnection({ ...server, fetchImpl: refused.fetchImpl });
  assert.equal(bad.ok, false);
  assert.match(bad.message, /did not accept the access token/);

  const down = await testConnection({
    ...server,
    fetchImpl: async () => {
      throw new TypeError('Failed to fetch');
    },
  });
  assert.equal(down.ok, false);
  assert.match(down.message, /could not be reached/);
});
