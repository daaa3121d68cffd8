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
    // What the person saved wins over what IT set; a plain-http address saved
    // by an older version is not used (drafts would cross the network unencrypted).
    serverUrl: normaliseServerUrl(stored.serverUrl || '') || (await managedServerUrl()),
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

/** This computer: the one place a plain-http server is safe (a trial, a developer's service). */
function isLoopback(hostname) {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * What is wrong with a server URL as typed, in words for staff, or null
 * when it is fine: an https address (plain http only on this computer), no
 * query or fragment.
 */
export function serverUrlProblem(input) {
  let url;
  try {
    url = new URL(String(input).trim());
  } catch {
    return 'Enter the server URL, starting with https://';
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return 'The server URL must start with https:// (drafts are sent to it; plain http would send them unencrypted). Ask your IT team for the https address.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Enter the server URL, starting with https://';
  if (url.search || url.hash) return 'Enter the server URL without anything after ? or #.';
  return null;
}

/**
 * The server's base URL without a trailing slash, or null when it is not
 * one Precheck sends drafts to (see serverUrlProblem).
 */
export function normaliseServerUrl(input) {
  if (serverUrlProblem(input)) return null;
  const url = new URL(String(input).trim());
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** The host permission pattern for the server's origin. */
export function originPattern(serverUrl) {
  const url = new URL(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
