import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';

let buildContentScript;
try {
  ({ buildContentScript } = await import('../tools/build-content-script.mjs'));
} catch {
  throw new Error('content-script-build.test.js needs esbuild: run `npm ci` in extension/tools first');
}

async function built() {
  const dir = await mkdtemp(join(tmpdir(), 'precheck-content-script-'));
  try {
    await buildContentScript(join(dir, 'content-script.js'));
    return await readFile(join(dir, 'content-script.js'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the content script is one classic script that loads nothing from the extension at run time', async () => {
  const source = await built();
  assert.doesNotThrow(() => new vm.Script(source)); // a module's import/export would not parse
  assert.doesNotMatch(source, /\bimport\s*\(/);
  assert.doesNotMatch(source, /getURL\(\s*["'`]src\/(content|sites|shared)\//);
  // The modules are in it: the adapters and the controller.
  assert.match(source, /src\/sites\/linkedin\.js/);
  assert.match(source, /src\/content\/controller\.js/);
});

test('the build is reproducible: the same sources give the same bytes', async () => {
  assert.equal(await built(), await built());
});
