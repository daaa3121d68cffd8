// What the extension keeps in storage.local: the server, the token and the
// per-site choices. Never any draft text. IT may also set the server URL and
// sites by browser policy (storage.managed), which then win and are locked.
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
 * What IT set by browser policy (storage.managed, managed-schema.json), each
 * part only when set and well formed: {serverUrl: '' when none, sites: {id:
 * {enabled?, account?}}}. Whatever IT set is in force and cannot be changed
 * in Options or the popup.
 */
export async function managedPolicy() {
  let managed = {};
  try {
    managed = (await ext.storage.managed.get(['serverUrl', 'sites'])) || {};
  } catch {
    managed = {}; // No policy set (Firefox rejects when there is none).
  }
  const sites = {};
  if (managed.sites && typeof managed.sites === 'object') {
    for (const [id, choice] of Object.entries(managed.sites)) {
      if (!choice || typeof choice !== 'object') continue;
      const set = {};
      if (typeof choice.enabled === 'boolean') set.enabled = choice.enabled;
      if (ACCOUNT_TYPES.includes(choice.account)) set.account = choice.account;
      if (Object.keys(set).length) sites[id] = set;
    }
  }
  return { serverUrl: normaliseServerUrl(managed.serverUrl || '') || '', sites };
}

/** The server URL IT set by browser policy, or '' when there is none. */
export async function managedServerUrl() {
  return (await managedPolicy()).serverUrl;
}

export async function loadSettings() {
  const stored = await ext.storage.local.get(['serverUrl', 'token', 'sites', 'addedSites']);
  const policy = await managedPolicy();
  const sites = { ...(stored.sites || {}) };
  for (const [id, set] of Object.entries(policy.sites)) sites[id] = { ...sites[id], ...set };
  return {
    // What IT set wins; a plain-http address saved by an older version is
    // not used (drafts would cross the network unencrypted).
    serverUrl: policy.serverUrl || normaliseServerUrl(stored.serverUrl || '') || '',
    token: stored.token || '',
    sites,
    addedSites: stored.addedSites || [],
    // What Options and the popup show as set by IT, and do not let be changed.
    locked: { serverUrl: Boolean(policy.serverUrl), sites: Object.keys(policy.sites) },
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

/** Saves the person's choice for a site; false (nothing saved) for a site IT set. */
export async function saveSiteChoice(siteId, change) {
  if (siteId in (await managedPolicy()).sites) return false;
  const { sites = {} } = await ext.storage.local.get('sites');
  sites[siteId] = { ...siteChoice({ sites }, siteId), ...change };
  await ext.storage.local.set({ sites });
  return true;
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
