import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { BUILT_IN_SITES } from '../src/shared/sites.js';

const root = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8'));

test('every file the manifest names exists', () => {
  const files = [
    manifest.background.service_worker,
    ...manifest.background.scripts,
    manifest.action.default_popup,
    manifest.options_ui.page,
    ...manifest.content_scripts.flatMap((script) => script.js),
    ...Object.values(manifest.icons),
    ...Object.values(manifest.action.default_icon),
  ];
  for (const file of files) assert.ok(existsSync(new URL(file, root)), file);
});

test('one manifest serves Chromium (service worker) and Firefox (scripts, gecko id)', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.background.service_worker, manifest.background.scripts[0]);
  assert.equal(manifest.background.type, 'module');
  assert.match(manifest.browser_specific_settings.gecko.id, /@/);
});

test('content scripts reach exactly the built-in sites, over https', () => {
  const patterns = manifest.content_scripts.flatMap((script) => script.matches);
  for (const pattern of patterns) assert.match(pattern, /^https:\/\//);
  const hosts = patterns.map((pattern) => new URL(pattern.replace('*.', '')).hostname);
  for (const site of BUILT_IN_SITES) {
    for (const host of site.hosts) {
      assert.ok(
        hosts.some((h) => h === host || h.endsWith(`.${host}`)),
        `${site.name}: no content script for ${host}`,
      );
    }
  }
});

test('every content script is the one built script', async () => {
  const { CONTENT_SCRIPT } = await import('../src/shared/content-script.js');
  for (const script of manifest.content_scripts) assert.deepEqual(script.js, [CONTENT_SCRIPT]);
});

test('only the two frame pages are web-accessible, by dynamic URL', async () => {
  const { DIALOG_PAGE, OVERLAY_PAGE } = await import('../src/shared/frames.js');
  const entries = manifest.web_accessible_resources;
  assert.equal(entries.length, 1);
  assert.deepEqual([...entries[0].resources].sort(), [DIALOG_PAGE, OVERLAY_PAGE].sort());
  assert.equal(entries[0].use_dynamic_url, true);
  for (const page of entries[0].resources) assert.ok(existsSync(new URL(page, root)), page);
});
