import { test } from 'node:test';
import assert from 'node:assert/strict';

// Stand-ins for storage, permissions and scripting, installed before the module loads.
const state = { local: {}, granted: [], registered: [] };
globalThis.browser = {
  storage: {
    local: { get: async (keys) => Object.fromEntries(keys.filter((k) => k in state.local).map((k) => [k, state.local[k]])) },
    managed: { get: async () => { throw new Error('Managed storage manifest not found'); } },
  },
  permissions: { contains: async ({ origins }) => origins.every((origin) => state.granted.includes(origin)) },
  scripting: {
    getRegisteredContentScripts: async () => state.registered.map((script) => ({ ...script })),
    unregisterContentScripts: async ({ ids }) => {
      state.registered = state.registered.filter((script) => !ids.includes(script.id));
    },
    registerContentScripts: async (scripts) => {
      for (const script of scripts) {
        if (state.registered.some((r) => r.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      }
      state.registered.push(...scripts);
    },
  },
};
const { syncAddedSiteScripts } = await import('../src/background/added-sites.js');
const { CONTENT_SCRIPT } = await import('../src/shared/content-script.js');

test('an added site with access granted gets the content script, at document_start', async () => {
  state.local = { addedSites: [{ host: 'mastodon.example', kind: 'mastodon' }] };
  state.granted = ['https://mastodon.example/*'];
  state.registered = [];
  await syncAddedSiteScripts();
  assert.equal(state.registered.length, 1);
  assert.deepEqual(state.registered[0].js, [CONTENT_SCRIPT]);
  assert.deepEqual(state.registered[0].matches, ['https://mastodon.example/*']);
  assert.equal(state.registered[0].runAt, 'document_start');
});

test('a registration an older version left, naming another script, is replaced', async () => {
  state.local = { addedSites: [{ host: 'mastodon.example', kind: 'mastodon' }] };
  state.granted = ['https://mastodon.example/*'];
  state.registered = [{ id: 'precheck-added-mastodon.example', matches: ['https://mastodon.example/*'],
    js: ['src/content/loader.js'], runAt: 'document_start' }];
  await syncAddedSiteScripts();
  assert.deepEqual(state.registered.map((script) => script.js), [[CONTENT_SCRIPT]]);
});

test('a site removed, or its access withdrawn, loses its registration', async () => {
  state.local = { addedSites: [{ host: 'news.example', kind: 'generic' }] };
  state.granted = [];
  await syncAddedSiteScripts();
  assert.deepEqual(state.registered, []);
});
