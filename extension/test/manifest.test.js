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

test('the modules the content script loader imports are web-accessible', () => {
  const resources = manifest.web_accessible_resources.flatMap((entry) => entry.resources);
  for (const folder of ['src/content/', 'src/sites/', 'src/shared/']) {
    assert.ok(resources.includes(`${folder}*`), folder);
  }
});

test('only the frame pages and the content script modules are web-accessible; the frames by dynamic URL', async () => {
  const { DIALOG_PAGE, OVERLAY_PAGE } = await import('../src/shared/frames.js');
  const entries = manifest.web_accessible_resources;
  const pages = entries.flatMap((entry) => entry.resources).filter((resource) => resource.endsWith('.html'));
  assert.deepEqual(pages.sort(), [DIALOG_PAGE, OVERLAY_PAGE].sort());
  for (const page of pages) assert.ok(existsSync(new URL(page, root)), page);
  const frameEntry = entries.find((entry) => entry.resources.includes(OVERLAY_PAGE));
  assert.equal(frameEntry.use_dynamic_url, true);
  assert.deepEqual(frameEntry.resources.sort(), pages.sort());
  for (const resource of entries.flatMap((entry) => entry.resources)) {
    assert.doesNotMatch(resource, /^src\/(options|popup|background|frame\/[^.]*\.js)/, resource);
  }
});
