// The background: the only part that talks to the server. Content scripts,
// the popup and Options send it messages; it answers from storage and the
// network. It keeps no draft text and logs none.

import { ext } from '../shared/ext.js';
import { loadSettings, managedServerUrl, siteChoice } from '../shared/settings.js';
import { siteForHost } from '../shared/sites.js';
import { checkDraft, exchangeEnrolment, reportFalseAlarm, testConnection } from './check-client.js';
import { allowWords, loadAllowList, withoutAllowed } from '../shared/allow-list.js';
import { hasWords } from '../shared/findings.js';
import { parseEnrolmentLink } from '../shared/enrolment.js';
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
  if (!result.ok) return result;
  // The person's own allow-list, before anything is shown or can pause a post.
  return { ...result, findings: withoutAllowed(result.findings, await loadAllowList()) };
}

/** What a warning's buttons send: a category and the words it quoted, nothing more. */
function flaggedWordsOf(message) {
  const finding = { category: message.category, quote: message.words, start: 0, end: 1 };
  return typeof message.category === 'string' && typeof message.words === 'string' && hasWords(finding)
    ? { category: message.category, words: message.words }
    : null;
}

async function reportToSchool(message) {
  const flagged = flaggedWordsOf(message);
  if (!flagged) return { ok: false, reason: 'error' };
  const { serverUrl, token } = await loadSettings();
  return reportFalseAlarm({ serverUrl, token, ...flagged });
}

/** An enrolment link, pasted in Options or open in the tab the popup is over: token saved, or why not. */
async function enrol({ link }) {
  const parsed = parseEnrolmentLink(link);
  if (parsed.problem) return { ok: false, message: parsed.problem };
  const managed = await managedServerUrl();
  if (managed && managed !== parsed.serverUrl) {
    return { ok: false, message: `This link is for ${parsed.serverUrl}, but your school set Precheck up for ${managed}. Ask your Precheck admin for a link from that server.` };
  }
  const result = await exchangeEnrolment(parsed);
  if (!result.ok) return result;
  await ext.storage.local.set({ serverUrl: parsed.serverUrl, token: result.token });
  const who = result.label ? ` as ${result.label}` : '';
  return { ok: true, serverUrl: parsed.serverUrl, message: `Enrolled${who}: Precheck is set up for ${parsed.serverUrl}.` };
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
  enrol: (message) => enrol({ link: String(message.link || '') }),
  'allow-words': async (message) => {
    const flagged = flaggedWordsOf(message);
    return { ok: Boolean(flagged) && (await allowWords(flagged.category, flagged.words)) };
  },
  'report-false-alarm': (message) => reportToSchool(message),
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
