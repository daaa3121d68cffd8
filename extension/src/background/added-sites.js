// Content scripts for sites the user added (Mastodon instances, news sites):
// registered with scripting.registerContentScripts once the user has granted
// the host permission, and kept in step with storage.

import { ext } from '../shared/ext.js';
import { CONTENT_SCRIPT } from '../shared/content-script.js';
import { loadSettings } from '../shared/settings.js';
import { matchPatternForHost } from '../shared/sites.js';

const ID_PREFIX = 'precheck-added-';

let lastSync = Promise.resolve();

/** Brings registrations in step; one sync at a time, in the order asked. */
export function syncAddedSiteScripts() {
  const next = lastSync.catch(() => {}).then(syncNow);
  lastSync = next;
  return next;
}

async function syncNow() {
  const { addedSites } = await loadSettings();
  const registered = await ext.scripting.getRegisteredContentScripts();
  // A registration kept from an older version may name a script that is gone.
  const ours = registered.filter((script) => script.id.startsWith(ID_PREFIX));
  const current = ours.filter((script) => script.js?.length === 1 && script.js[0] === CONTENT_SCRIPT);
  const wanted = [];
  for (const site of addedSites) {
    const pattern = matchPatternForHost(site.host);
    // Without the user's grant a registration would fail; it is asked for in Options.
    if (await ext.permissions.contains({ origins: [pattern] })) {
      wanted.push({ id: `${ID_PREFIX}${site.host}`, pattern });
    }
  }
  const stale = ours.filter((script) => !current.includes(script) || !wanted.some((w) => w.id === script.id));
  if (stale.length) await ext.scripting.unregisterContentScripts({ ids: stale.map((s) => s.id) });
  const missing = wanted.filter((w) => !current.some((script) => script.id === w.id));
  if (missing.length) {
    await ext.scripting.registerContentScripts(
      missing.map((w) => ({
        id: w.id,
        matches: [w.pattern],
        js: [CONTENT_SCRIPT],
        runAt: 'document_start',
        persistAcrossSessions: true,
      })),
    );
  }
}
