// What the extension keeps in storage.local: the server, the token and the
// per-site choices. Never any draft text. IT may also set the server URL by
// browser policy (storage.managed).
//
// {
//   serverUrl: "https://precheck.school.example",
//   token: "…",
//   sites: { x: {enabled: true, account: "personal"}, "added:mastodon.social": {…} },
//   addedSites: [{host: "mastodon.social", kind: "mastodon"}]
// }

import { ext } from './ext.js';

export const ACCOUNT_TYPES = ['personal', 'school'];

/**
 * The server URL IT set by browser policy (storage.managed, managed-schema.json),
 * or '' when there is none.
 */
export async function managedServerUrl() {
  try {
    const managed = await ext.storage.managed.get('serverUrl');
    return normaliseServerUrl(managed.serverUrl || '') || '';
  } catch {
    return ''; // No policy set (Firefox rejects when there is none).
  }
}

export async function loadSettings() {
  const stored = await ext.storage.local.get(['serverUrl', 'token', 'sites', 'addedSites']);
  return {
    // What the person saved wins over what IT set.
    serverUrl: stored.serverUrl || (await managedServerUrl()),
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

/** Remembers a site the user switched on (its host permission is asked for apart). */
export async function addSite(host, kind) {
  const { addedSites = [] } = await ext.storage.local.get('addedSites');
  const others = addedSites.filter((site) => site.host !== host);
  await ext.storage.local.set({ addedSites: [...others, { host, kind }] });
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
