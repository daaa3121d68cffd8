// Builds the content script: src/content/content-script.js and every module it
// imports, bundled by esbuild (pinned in package-lock.json) into one classic
// script, build/content-script.js, the only script the manifest, the popup and
// the added sites inject. Run by `make extension` and by the tests; the output
// is the same bytes for the same sources (no timestamps, no absolute paths).
import { build } from 'esbuild';

const extension = new URL('../', import.meta.url);

export const CONTENT_SCRIPT = 'build/content-script.js';

export async function buildContentScript(outfile = new URL(CONTENT_SCRIPT, extension).pathname) {
  await build({
    absWorkingDir: extension.pathname,
    entryPoints: ['src/content/content-script.js'],
    bundle: true,
    format: 'iife',
    // The manifest's minimum versions: private fields, optional chaining and
    // the like stay as written, so the bundle reads like the sources.
    target: ['chrome121', 'firefox128'],
    outfile,
    banner: { js: '// Built from src/content/ by extension/tools/build-content-script.mjs (make extension); do not edit.' },
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildContentScript(process.argv[2]);
