// Options: the server and token, and which sites Precheck works on with
// which kind of account.

import { ext } from '../shared/ext.js';
import {
  addSite, loadSettings, normaliseServerUrl, originPattern, saveSiteChoice, serverUrlProblem, siteChoice,
} from '../shared/settings.js';
import { parseEnrolmentLink } from '../shared/enrolment.js';
import { loadAllowList, removeAllowed } from '../shared/allow-list.js';
import { categoryLabel } from '../shared/findings.js';
import { ADDED_SITE_KINDS, BUILT_IN_SITES, hostFromInput, matchPatternForHost } from '../shared/sites.js';

const $ = (selector) => document.querySelector(selector);

function say(element, message, ok) {
  element.textContent = message;
  element.className = ok ? 'ok' : 'problem';
}

/**
 * Ask for access to the server's origin (no prompt when already granted).
 * Called first thing in the click, which the browser needs to show the
 * prompt; checks also work without it, through the server's CORS.
 */
function requestServerAccess(serverUrl) {
  try {
    return ext.permissions.request({ origins: [originPattern(serverUrl)] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

async function onSave(event) {
  event.preventDefault();
  const status = $('#server-status');
  const problem = serverUrlProblem($('#server-url').value);
  const token = $('#token').value.trim();
  if (problem) {
    // Nothing is saved: the server in force stays as it was.
    say(status, problem, false);
    $('#server-url').setAttribute('aria-invalid', 'true');
    $('#server-url').focus();
    return;
  }
  $('#server-url').removeAttribute('aria-invalid');
  const serverUrl = normaliseServerUrl($('#server-url').value);
  if (!token) {
    say(status, 'Enter your access token.', false);
    $('#token').focus();
    return;
  }
  // Saving never waits on the permission prompt.
  requestServerAccess(serverUrl);
  await ext.storage.local.set({ serverUrl, token });
  $('#server-url').value = serverUrl;
  say(status, 'Saved. Precheck is on for the sites switched on below.', true);
  await notifyTabs();
}

async function onEnrol(event) {
  event.preventDefault();
  const status = $('#enrol-status');
  const parsed = parseEnrolmentLink($('#enrol-link').value);
  if (parsed.problem) {
    say(status, parsed.problem, false);
    $('#enrol-link').focus();
    return;
  }
  requestServerAccess(parsed.serverUrl); // while the click still counts as the person's gesture
  say(status, 'Enrolling…', true);
  const result = await ext.runtime.sendMessage({ type: 'enrol', link: $('#enrol-link').value });
  say(status, result.message, result.ok);
  if (!result.ok) return;
  $('#enrol-link').value = '';
  const settings = await loadSettings();
  $('#server-url').value = settings.serverUrl;
  $('#token').value = settings.token;
  await notifyTabs();
}

async function onTestConnection() {
  const status = $('#server-status');
  const problem = serverUrlProblem($('#server-url').value);
  const token = $('#token').value.trim();
  if (problem || !token) {
    say(status, problem || 'Enter the server URL and access token first.', false);
    return;
  }
  const serverUrl = normaliseServerUrl($('#server-url').value);
  say(status, 'Testing…', true);
  const result = await ext.runtime.sendMessage({ type: 'test-connection', serverUrl, token });
  say(status, result.message, result.ok);
}

/** Tell open pages that switches changed, so they start or stop at once. */
async function notifyTabs() {
  let tabs = [];
  try {
    tabs = await ext.tabs.query({});
  } catch {
    return;
  }
  await Promise.all(
    tabs.map((tab) =>
      ext.tabs.sendMessage(tab.id, { type: 'precheck-config-changed' }).catch(() => {}),
    ),
  );
}

const SET_BY_IT = 'Set by your school’s IT';

function siteRow(settings, { id, name, removable }) {
  const choice = siteChoice(settings, id);
  const locked = settings.locked.sites.includes(id);
  const row = document.createElement('tr');

  const nameCell = document.createElement('th');
  nameCell.scope = 'row';
  nameCell.textContent = name;
  if (locked) {
    const note = document.createElement('span');
    note.className = 'hint';
    note.id = `locked-${id}`;
    note.textContent = SET_BY_IT;
    nameCell.append(' ', note);
  }

  const enabledCell = document.createElement('td');
  const enabled = document.createElement('input');
  enabled.type = 'checkbox';
  enabled.checked = choice.enabled;
  enabled.id = `enabled-${id}`;
  enabled.setAttribute('aria-label', `Check my posts on ${name}`);
  // IT's choice is shown as it is, and cannot be changed here.
  enabled.disabled = locked;
  if (locked) enabled.setAttribute('aria-describedby', `locked-${id}`);
  enabled.addEventListener('change', async () => {
    await saveSiteChoice(id, { enabled: enabled.checked });
    await notifyTabs();
  });
  enabledCell.append(enabled);

  const accountCell = document.createElement('td');
  const account = document.createElement('select');
  account.setAttribute('aria-label', `Account on ${name}`);
  account.disabled = locked;
  if (locked) account.setAttribute('aria-describedby', `locked-${id}`);
  for (const [value, label] of [['personal', 'Personal account'], ['school', 'School account']]) {
    account.append(new Option(label, value, false, choice.account === value));
  }
  account.addEventListener('change', async () => {
    await saveSiteChoice(id, { account: account.value });
    await notifyTabs();
  });
  accountCell.append(account);

  const removeCell = document.createElement('td');
  if (removable) {
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove ${name}`);
    remove.addEventListener('click', () => removeSite(removable));
    removeCell.append(remove);
  }
  row.append(nameCell, enabledCell, accountCell, removeCell);
  return row;
}

async function renderSites() {
  const settings = await loadSettings();
  const rows = [
    ...BUILT_IN_SITES.map((site) => siteRow(settings, site)),
    ...settings.addedSites.map((site) =>
      siteRow(settings, {
        id: `added:${site.host}`,
        name: `${site.host} (${ADDED_SITE_KINDS[site.kind] || site.kind})`,
        removable: site.host,
      }),
    ),
  ];
  $('#sites tbody').replaceChildren(...rows);
}

async function onAddSite(event) {
  event.preventDefault();
  const status = $('#add-site-status');
  const host = hostFromInput($('#add-site-host').value);
  const kind = $('#add-site-kind').value;
  if (!host) {
    say(status, 'Enter a site address such as mastodon.social', false);
    return;
  }
  // Asked at this moment, while the click still counts as the person's gesture.
  let granted = false;
  try {
    granted = await ext.permissions.request({ origins: [matchPatternForHost(host)] });
  } catch {
    granted = false;
  }
  if (!granted) {
    say(status, `Precheck was not given access to ${host}, so it cannot check posts there.`, false);
    return;
  }
  await addSite(host, kind);
  await ext.runtime.sendMessage({ type: 'sync-added-sites' });
  $('#add-site-host').value = '';
  say(status, `Added ${host}. Reload its open pages to start.`, true);
  await renderSites();
}

async function removeSite(host) {
  const { addedSites = [], sites = {} } = await ext.storage.local.get(['addedSites', 'sites']);
  delete sites[`added:${host}`];
  await ext.storage.local.set({ addedSites: addedSites.filter((site) => site.host !== host), sites });
  await ext.runtime.sendMessage({ type: 'sync-added-sites' });
  try {
    await ext.permissions.remove({ origins: [matchPatternForHost(host)] });
  } catch {
    // Already gone.
  }
  say($('#add-site-status'), `Removed ${host}.`, true);
  await renderSites();
  await notifyTabs();
}

/** The server URL IT set is shown read-only, saying so; the site rows say it for themselves. */
function showWhatItSet(settings) {
  const field = $('#server-url');
  field.readOnly = settings.locked.serverUrl;
  if (settings.locked.serverUrl) {
    $('#server-url-hint').textContent = `${SET_BY_IT}; it cannot be changed here.`;
  }
  $('#managed-note').hidden = !(settings.locked.serverUrl || settings.locked.sites.length);
}

/** The person's own allow-list (shared/allow-list.js), each entry with a Remove button. */
async function renderAllowList() {
  const entries = await loadAllowList();
  $('#allowed-empty').hidden = entries.length > 0;
  $('#allowed').replaceChildren(...entries.map(({ category, words }) => {
    const item = document.createElement('li');
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove “${words}”`);
    remove.addEventListener('click', async () => {
      await removeAllowed(category, words);
      say($('#allowed-status'), `Precheck will flag “${words}” again.`, true);
      await renderAllowList();
    });
    item.append(`“${words}” (${categoryLabel(category)}) `, remove);
    return item;
  }));
}

async function init() {
  // Listen before reading storage: a Save pressed meanwhile must not submit
  // the form natively (reloading the page and losing what was typed).
  $('#server-form').addEventListener('submit', onSave);
  $('#enrol-form').addEventListener('submit', onEnrol);
  $('#test-connection').addEventListener('click', onTestConnection);
  $('#add-site-form').addEventListener('submit', onAddSite);
  for (const [value, label] of Object.entries(ADDED_SITE_KINDS)) {
    $('#add-site-kind').append(new Option(label, value));
  }
  const settings = await loadSettings();
  showWhatItSet(settings);
  // What is stored fills the fields unless the person has already typed there.
  if (!$('#server-url').value || settings.locked.serverUrl) $('#server-url').value = settings.serverUrl;
  if (!$('#token').value) $('#token').value = settings.token;
  await renderSites();
  await renderAllowList();
  // A word allowed from a warning while Options is open shows here at once.
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.allowList) renderAllowList();
  });
}

init();
