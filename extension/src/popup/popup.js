// The toolbar popup: this site on or off, whether the server answers, and how
// many warnings the current draft has.

import { ext } from '../shared/ext.js';
import { CONTENT_SCRIPT } from '../shared/content-script.js';
import { addSite, loadSettings, saveSiteChoice, siteChoice } from '../shared/settings.js';
import { matchPatternForHost, siteForHost } from '../shared/sites.js';
import { pageState } from './page-state.js';
import { isEnrolmentLink } from '../shared/enrolment.js';

const $ = (selector) => document.querySelector(selector);

const CONNECTION_WORDS = {
  ok: ['Connected to your school’s server.', true],
  unauthorized: ['The server did not accept your access token.', false],
  unreachable: ['The server could not be reached.', false],
  'rate-limited': ['The server is busy.', false],
  'server-error': ['The server answered with an error.', false],
  'bad-answer': ['The server gave an answer Precheck could not read.', false],
};

function say(element, message, ok) {
  element.textContent = message;
  element.className = ok ? 'ok' : 'problem';
}

async function activeTab() {
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** What the page's content script says: its site, whether it is on, the count. */
async function pageStatus(tab) {
  if (!tab) return null;
  try {
    return (await ext.tabs.sendMessage(tab.id, { type: 'precheck-status' })) || null;
  } catch {
    return null; // No content script there: not a site Precheck knows.
  }
}

function showWarnings(status) {
  const warnings = $('#warnings');
  if (!status || !status.active) {
    warnings.textContent = '';
    warnings.className = '';
    return;
  }
  const count = status.warnings;
  say(
    warnings,
    count === 0 ? 'No warnings in the current draft.' : `${count} warning${count === 1 ? '' : 's'} in the current draft.`,
    count === 0,
  );
}

/** The tab's site: from its address when the popup may read it, else from the page. */
function siteOf(tab, status, settings) {
  try {
    if (tab && tab.url) return siteForHost(new URL(tab.url).hostname, settings.addedSites);
  } catch {
    // Not a web page.
  }
  return status ? status.site : null;
}

/**
 * On a site Precheck does not know (a news site's comments, a forum): offer to
 * switch it on, asking the browser for access to it there and then.
 */
function offerToAdd(tab) {
  let host = null;
  try {
    const url = new URL(tab.url);
    if (url.protocol === 'https:') host = url.hostname;
  } catch {
    host = null; // The popup may not read this tab's address, or it is no web page.
  }
  if (!host) return;
  const button = $('#add-site');
  button.textContent = `Check my posts on ${host}`;
  $('#add-line').hidden = false;
  button.addEventListener('click', async () => {
    // Asked first, while the click counts; saved alongside, because Firefox
    // may close the popup while its prompt shows. The service worker registers
    // the content script once both are there.
    const granted = ext.permissions.request({ origins: [matchPatternForHost(host)] }).catch(() => false);
    await addSite(host, 'generic');
    if (!(await granted)) {
      say($('#add-status'), `Precheck was not given access to ${host}.`, false);
      return;
    }
    await ext.scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT] }).catch(() => {});
    $('#add-line').hidden = true;
    say($('#add-status'), `Precheck now checks your posts on ${host}.`, true);
  });
}

/** First line of the popup: checking this page or not, and why. */
function showPageState(facts) {
  const { checking, reason } = pageState(facts);
  $('#page-state-title').textContent = checking ? 'Checking this page' : 'Not checking this page';
  $('#page-state-reason').textContent = reason;
  $('#page-state').className = checking ? 'checking' : 'not-checking';
  // A server that answers is no comfort where nothing is checked.
  if (!checking && $('#connection').className === 'ok') $('#connection').className = '';
}

/**
 * Over an enrolment link the person opened (clicking the toolbar button lets
 * the popup read the tab's address): exchange it, say how it went.
 */
async function enrolFromTab(tab) {
  if (!tab || !tab.url || !isEnrolmentLink(tab.url)) return false;
  for (const id of ['site-line', 'add-line', 'connection', 'warnings']) $(`#${id}`).hidden = true;
  $('#page-state-title').textContent = 'Your enrolment link';
  $('#page-state-reason').textContent = 'Setting Precheck up from this link…';
  const result = await ext.runtime.sendMessage({ type: 'enrol', link: tab.url });
  $('#page-state-reason').textContent = result.message;
  $('#page-state').className = result.ok ? 'checking' : 'not-checking';
  return true;
}

async function init() {
  $('#open-options').addEventListener('click', (event) => {
    event.preventDefault();
    ext.runtime.openOptionsPage();
    window.close();
  });
  if (await enrolFromTab(await activeTab())) return;

  const settings = await loadSettings();
  const configured = Boolean(settings.serverUrl && settings.token);
  const connection = configured ? await ext.runtime.sendMessage({ type: 'connection-state' }) : null;
  if (configured) {
    const [words, ok] = connection
      ? CONNECTION_WORDS[connection.state] || ['Connection state unknown.', false]
      : ['No post checked yet in this browser session.', true];
    say($('#connection'), words, ok);
  }

  const tab = await activeTab();
  const status = await pageStatus(tab);
  const site = siteOf(tab, status, settings);
  showPageState({
    url: tab && tab.url ? tab.url : null,
    site,
    configured,
    enabled: site ? siteChoice(settings, site.id).enabled : false,
    status,
    connection,
  });
  const toggle = $('#site-enabled');
  if (!site) {
    $('#site-line').hidden = true;
    offerToAdd(tab);
  } else {
    const locked = settings.locked.sites.includes(site.id);
    $('#site-label').textContent = `Check my posts on ${site.name}${locked ? ' (set by your school’s IT)' : ''}`;
    toggle.checked = siteChoice(settings, site.id).enabled;
    toggle.disabled = locked;
    toggle.addEventListener('change', async () => {
      await saveSiteChoice(site.id, { enabled: toggle.checked });
      await ext.tabs.sendMessage(tab.id, { type: 'precheck-config-changed' }).catch(() => {});
      const changed = await pageStatus(tab);
      showPageState({
        url: tab && tab.url ? tab.url : null, site, configured, enabled: toggle.checked, status: changed, connection,
      });
      showWarnings(changed);
    });
  }
  showWarnings(status);
}

init();
