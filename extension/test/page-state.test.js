// The popup's first line: checking this page or not, and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageState } from '../src/popup/page-state.js';

const X = { id: 'x', name: 'X (Twitter)' };
const checking = {
  url: 'https://x.com/home', site: X, configured: true, enabled: true,
  status: { active: true }, connection: { state: 'ok' },
};

test('on a site switched on, with a server that answers: checking', () => {
  assert.deepEqual(pageState(checking), {
    checking: true, reason: 'Precheck checks your posts on X (Twitter) as you write.',
  });
  assert.equal(pageState({ ...checking, connection: null }).checking, true); // nothing sent yet
});

test('each reason it is not checking is said, never as checking', () => {
  const cases = [
    [{ url: 'http://news.example.org/story', site: null }, /plain http/],
    [{ configured: false }, /No server is set up/],
    [{ url: 'https://blog.example.net/', site: null }, /not switched on for blog\.example\.net/],
    [{ url: null, site: null }, /not switched on for this site/],
    [{ enabled: false }, /switched off for X \(Twitter\)/],
    [{ connection: { state: 'unreachable' } }, /could not be reached/],
    [{ connection: { state: 'unauthorized' } }, /did not accept your access token/],
    [{ status: null }, /Reload this page/],
  ];
  for (const [change, reason] of cases) {
    const state = pageState({ ...checking, ...change });
    assert.equal(state.checking, false, JSON.stringify(change));
    assert.match(state.reason, reason);
  }
});

test('plain http is named before anything else', () => {
  const state = pageState({ ...checking, url: 'http://x.com/home', configured: false });
  assert.match(state.reason, /plain http/);
});
