// What the extension keeps in storage.local: the server, the token and the
// per-site choices. Never any draft text.
//
// {
//   serverUrl: "https://precheck.school.example",
//   token: "…",
//   sites: { x: {enabled: true, account: "personal"}, "added:mastodon.social": {…} },
//   addedSites: [{host: "mastodon.social", kind: "mastodon"}]
// }

import { ext } from './ext.js';

export const ACCOUNT_TYPES = ['personal', 'school'];

export async function loadSettings() {
  const stored = await ext.storage.local.get(['serverUrl', 'token', 'sites', 'addedSites']);
  return {
    serverUrl: stored.serverUrl || '',
    token: stored.token || '',
    sites: stored.sites || {},
    addedSites: stored.addedSites || [],
  };
}

/** A site's switch and account type; sites are on, personal, until changed. */
export function siteChoice(settings, siteId) {
  const choice = settings.sites[siteId] || {};
  return {
    enabled: choice.enabled !== false,
    account: ACCOUNT_TYPES.includes(choice.account) ? choice.account : 'personal',
  };
}

export async function saveSiteChoice(siteId, change) {
  const { sites = {} } = await ext.storage.local.get('sites');
  sites[siteId] = { ...siteChoice({ sites }, siteId), ...change };
  await ext.storage.local.set({ sites });
}

/**
 * The server's base URL without a trailing slash, or null when the input is
 * not an http(s) URL.
 */
export function normaliseServerUrl(input) {
  const trimmed = String(input).trim();
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.search || url.hash) return null;
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The host permission pattern for the server's origin. */
export function originPattern(serverUrl) {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
