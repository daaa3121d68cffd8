// Bundles each test page's script (with the real editor library it hosts) into dist/
// and copies its HTML next to it. Run by tests/browser/conftest.py when dist/ is stale.
import {build} from 'esbuild';
import {copyFile, mkdir, readdir} from 'node:fs/promises';

const src = new URL('./src/', import.meta.url);
const dist = new URL('./dist/', import.meta.url);

const files = await readdir(src);
const pages = files.filter((f) => f.endsWith('.html')).map((f) => f.slice(0, -'.html'.length));

await mkdir(dist, {recursive: true});
await build({
  entryPoints: pages.map((page) => {
    const entry = files.find((f) => f === `${page}.js` || f === `${page}.jsx`);
    if (!entry) throw new Error(`page ${page} has no ${page}.js or ${page}.jsx`);
    return new URL(entry, src).pathname;
  }),
  bundle: true,
  outdir: dist.pathname,
  format: 'iife',
  target: 'chrome120',
  define: {'process.env.NODE_ENV': '"production"', global: 'window'},
  jsx: 'transform',
  loader: {'.js': 'jsx'},
  logLevel: 'warning',
});
await Promise.all(pages.map((page) => copyFile(new URL(`${page}.html`, src), new URL(`${page}.html`, dist))));
console.log(`built ${pages.length} pages: ${pages.join(', ')}`);
