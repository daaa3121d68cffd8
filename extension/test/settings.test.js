import { test } from 'node:test';
import assert from 'node:assert/strict';

// A stand-in for the browser's storage areas, installed before the module loads.
const areas = { local: {}, managed: null };
globalThis.browser = {
  storage: {
    local: { get: async (keys) => Object.fromEntries([keys].flat().filter((k) => k in areas.local).map((k) => [k, areas.local[k]])) },
    managed: {
      get: async () => {
        if (!areas.managed) throw new Error('Managed storage manifest not found');
        return areas.managed;
      },
    },
  },
};
const { loadSettings, normaliseServerUrl, saveSiteChoice, serverUrlProblem } = await import('../src/shared/settings.js');

test('nothing saved and no policy: not set up', async () => {
  areas.local = {};
  areas.managed = null;
  const settings = await loadSettings();
  assert.deepEqual(settings, { serverUrl: '', token: '', sites: {}, addedSites: [], locked: { serverUrl: false, sites: [] } });
});

test('a server URL set by IT policy is in force and locked, whatever the person saved', async () => {
  areas.managed = { serverUrl: 'https://precheck.trust.example/' };
  areas.local = { token: 'mine' };
  assert.equal((await loadSettings()).serverUrl, 'https://precheck.trust.example');
  areas.local = { token: 'mine', serverUrl: 'https://precheck.school.example' };
  const settings = await loadSettings();
  assert.equal(settings.serverUrl, 'https://precheck.trust.example');
  assert.equal(settings.locked.serverUrl, true);
});

test('sites IT set win over the person\'s choices, are locked, and cannot be saved over', async () => {
  areas.managed = { sites: { x: { enabled: false }, linkedin: { enabled: true, account: 'school' },
    youtube: { account: 'nonsense' }, tumblr: 'on' } };
  areas.local = { sites: { x: { enabled: true, account: 'school' }, facebook: { enabled: false } } };
  const settings = await loadSettings();
  assert.deepEqual(settings.sites, {
    x: { enabled: false, account: 'school' }, facebook: { enabled: false }, linkedin: { enabled: true, account: 'school' },
  });
  assert.deepEqual(settings.locked, { serverUrl: false, sites: ['x', 'linkedin'] });
  let written = null;
  globalThis.browser.storage.local.set = async (values) => { written = values; };
  assert.equal(await saveSiteChoice('x', { enabled: true }), false);
  assert.equal(written, null);
  assert.equal(await saveSiteChoice('facebook', { enabled: true }), true);
  assert.deepEqual(written.sites.facebook, { enabled: true, account: 'personal' });
});

test('a policy value that is not a URL is ignored', async () => {
  areas.managed = { serverUrl: 'precheck' };
  areas.local = {};
  assert.equal((await loadSettings()).serverUrl, '');
});

test('a server URL must be https; plain http only on this computer', () => {
  assert.equal(normaliseServerUrl('https://precheck.school.example/'), 'https://precheck.school.example');
  for (const local of ['http://127.0.0.1:8000', 'http://localhost:8000/', 'http://[::1]:8000']) {
    assert.ok(normaliseServerUrl(local), local);
  }
  for (const bad of ['http://precheck.school.example', 'http://10.0.0.5:8000', 'ftp://precheck.school.example',
    'precheck.school.example', 'https://precheck.school.example/?token=1']) {
    assert.equal(normaliseServerUrl(bad), null, bad);
    assert.ok(serverUrlProblem(bad), bad);
  }
  assert.match(serverUrlProblem('http://precheck.school.example'), /must start with https:\/\//);
});

test('a plain-http server saved by an older version is not used', async () => {
  areas.managed = null;
  areas.local = { serverUrl: 'http://precheck.school.example', token: 'mine' };
  assert.equal((await loadSettings()).serverUrl, '');
});
