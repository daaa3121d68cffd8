// The background: the only part that talks to the server. Content scripts,
// the popup and Options send it messages; it answers from storage and the
// network. It keeps no draft text and logs none.

import { ext } from '../shared/ext.js';
import { loadSettings, siteChoice } from '../shared/settings.js';
import { siteForHost } from '../shared/sites.js';
import { checkDraft, testConnection } from './check-client.js';
import { readConnection, recordConnection } from './connection-state.js';
import { syncAddedSiteScripts } from './added-sites.js';
import { checkedPart } from '../shared/draft.js';
import { relayFramePorts } from './frame-relay.js';

async function siteConfig(hostname) {
  const settings = await loadSettings();
  const site = siteForHost(hostname, settings.addedSites);
  const configured = Boolean(settings.serverUrl && settings.token);
  if (!site) return { site: null, configured, enabled: false, active: false };
  const { enabled, account } = siteChoice(settings, site.id);
  return { site, configured, enabled, account, active: configured && enabled };
}

async function check({ text, context }) {
  if (typeof text !== 'string') return { ok: false, reason: 'error' };
  const { serverUrl, token } = await loadSettings();
  const result = await checkDraft({ serverUrl, token, text: checkedPart(text), context });
  await recordConnection(result);
  return result;
}

const HANDLERS = {
  'site-config': (message) => siteConfig(String(message.hostname || '')),
  check: (message) => check(message),
  'test-connection': async (message) => {
    const result = await testConnection({ serverUrl: message.serverUrl, token: message.token });
    await recordConnection(result);
    return result;
  },
  'connection-state': () => readConnection(),
  'sync-added-sites': () => syncAddedSiteScripts(),
};

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only our own pages and content scripts speak to the service worker.
  if (sender.id !== ext.runtime.id || !message || !HANDLERS[message.type]) return false;
  Promise.resolve()
    .then(() => HANDLERS[message.type](message, sender))
    .then(sendResponse, () => sendResponse({ ok: false, reason: 'error' }));
  return true;
});

relayFramePorts();

// Registrations follow the list of added sites and the grants for them,
// whichever changes last (the popup may close before it can say so).
const syncQuietly = () => syncAddedSiteScripts().catch(() => {});
ext.permissions.onAdded.addListener(syncQuietly);
ext.permissions.onRemoved.addListener(syncQuietly);
ext.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes.addedSites) syncQuietly();
});

ext.runtime.onInstalled.addListener((details) => {
  syncAddedSiteScripts().catch(() => {});
  // A new install has no server or token yet: show where they go.
  if (details.reason === 'install') ext.runtime.openOptionsPage().catch(() => {});
});
ext.runtime.onStartup.addListener(() => {
  syncAddedSiteScripts().catch(() => {});
});
