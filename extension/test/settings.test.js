import { test } from 'node:test';
import assert from 'node:assert/strict';

// A stand-in for the browser's storage areas, installed before the module loads.
const areas = { local: {}, managed: null };
globalThis.browser = {
  storage: {
    local: { get: async (keys) => Object.fromEntries(keys.filter((k) => k in areas.local).map((k) => [k, areas.local[k]])) },
    managed: {
      get: async () => {
        if (!areas.managed) throw new Error('Managed storage manifest not found');
        return areas.managed;
      },
    },
  },
};
const { loadSettings } = await import('../src/shared/settings.js');

test('nothing saved and no policy: not set up', async () => {
  areas.local = {};
  areas.managed = null;
  const settings = await loadSettings();
  assert.deepEqual(settings, { serverUrl: '', token: '', sites: {}, addedSites: [] });
});

test('a server URL set by IT policy is used until the person saves their own', async () => {
  areas.managed = { serverUrl: 'https://precheck.trust.example/' };
  areas.local = { token: 'mine' };
  assert.equal((await loadSettings()).serverUrl, 'https://precheck.trust.example');
  areas.local = { token: 'mine', serverUrl: 'https://precheck.school.example' };
  assert.equal((await loadSettings()).serverUrl, 'https://precheck.school.example');
});

test('a policy value that is not a URL is ignored', async () => {
  areas.managed = { serverUrl: 'precheck' };
  areas.local = {};
  assert.equal((await loadSettings()).serverUrl, '');
});
