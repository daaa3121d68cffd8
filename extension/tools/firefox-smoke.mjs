// Firefox smoke run: the unpacked extension in Debian's Firefox ESR, driven
// over WebDriver BiDi by puppeteer-core, on the browser-test room's compose
// pages. Run it through firefox_smoke.py, which starts the service and the
// pages and passes their addresses; it prints one line per check and exits
// non-zero when any fails.
//
//   node firefox-smoke.mjs '{"extension": …, "server": …, "token": …, "sitePort": …,
//                            "sites": [{host, editor, post}], "addedSite": {host, port, editor, post},
//                            "extraPages": [{host, port, editor, post, frame?, ctrlEnter?}]}'

import puppeteer from 'puppeteer-core';

const {
  extension: extensionDir, server: serverUrl, token, sitePort, sites, addedSite, extraPages = [],
} = JSON.parse(process.argv[2]);
// Firefox names an extension's pages by a per-profile UUID; fixing it lets us find them.
const UUID = '6f1c1f4e-2a53-4c1e-9a44-0c0ffee00001';
const DRAFT = 'Ring me on 07700 900123 after the 7B parents evening';
const BENIGN = 'Lovely long walk by the river this morning, then pancakes.';

let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures += 1;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(page, fn, arg, timeout = 10_000) {
  try {
    await page.waitForFunction(fn, { timeout, polling: 100 }, arg);
    return true;
  } catch {
    return false;
  }
}

const dialogOpen = () =>
  Boolean(document.querySelector('[data-precheck="dialog"]')?.shadowRoot.querySelector('[role="alertdialog"]'));

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr',
  headless: true,
  acceptInsecureCerts: true,
  extraPrefsFirefox: {
    'extensions.webextensions.uuids': JSON.stringify({ 'precheck@precheck.school': UUID }),
    // Every host name (x.com, www.facebook.com...) goes to the local page server.
    'network.dns.forceResolve': '127.0.0.1',
    'network.stricttransportsecurity.preloadlist': false,
    // Grants optional host permissions without the prompt a person would answer.
    'extensions.webextOptionalPermissionPrompts': false,
  },
});

try {
  await browser.installExtension(extensionDir);
  check(true, 'the extension installs in Firefox');

  const options = await browser.newPage();
  await options.goto(`https://${sites[0].host}:${sitePort}/`);
  // BiDi cannot open moz-extension: pages itself; the copy makes Options web-accessible.
  await options.evaluate((url) => {
    location.href = url;
  }, `moz-extension://${UUID}/src/options/options.html`);
  await options.waitForSelector('#server-url');
  await options.type('#server-url', serverUrl);
  await options.type('#token', token);
  await options.click('#save');
  check(await waitFor(options, () => /Saved/.test(document.querySelector('#server-status').textContent)), 'Options: Save');
  await options.click('#test-connection');
  check(
    await waitFor(options, () => /token works/.test(document.querySelector('#server-status').textContent)),
    'Options: Test connection says the server answered and the token works',
  );
  await options.close();

  if (addedSite) {
    const options = await browser.newPage();
    await options.goto(`https://${sites[0].host}:${sitePort}/`);
    await options.evaluate((url) => {
      location.href = url;
    }, `moz-extension://${UUID}/src/options/options.html`);
    await options.waitForSelector('#add-site-host');
    await options.type('#add-site-host', addedSite.host);
    await options.select('#add-site-kind', 'generic');
    await options.click('#add-site-form button[type="submit"]');
    check(
      await waitFor(options, () => /^Added/.test(document.querySelector('#add-site-status').textContent)),
      `Options: Add a site (${addedSite.host}, other site) registers its content script`,
    );
    await options.close();
  }

  const targets = [
    ...sites.map((site) => ({ ...site, url: `https://${site.host}:${sitePort}/` })),
    ...(addedSite ? [{ ...addedSite, url: `https://${addedSite.host}:${addedSite.port}/` }] : []),
    ...extraPages.map((extra) => ({ ...extra, url: `https://${extra.host}:${extra.port}/` })),
  ];
  for (const site of targets) {
    const page = await browser.newPage();
    const { url } = site;
    await page.goto(url);
    // Where Precheck draws its highlights: the editor's own frame (Blogger's post
    // body is an iframe); the dialog is always in the page.
    const scope = site.frame ? await (await page.$(site.frame)).contentFrame() : page;
    await page.click(site.frame || site.editor);
    await page.keyboard.type(DRAFT, { delay: 5 });
    check(
      await waitFor(scope, () =>
        (document.querySelector('[data-precheck="overlay"]')?.shadowRoot.querySelector('[role="status"]')
          ?.textContent ?? '').includes('07700 900123'),
      ),
      `${site.host}: the warning names the flagged words`,
    );
    const highlights = await scope.evaluate(
      () => document.querySelector('[data-precheck="overlay"]').shadowRoot.querySelectorAll('.precheck-highlight').length,
    );
    check(highlights > 0, `${site.host}: highlights drawn (${highlights})`);

    await page.click(site.post);
    check(await waitFor(page, dialogOpen), `${site.host}: Post opens the pause dialog`);
    await page.keyboard.press('Escape');
    await sleep(300);
    const afterEdit = await scope.evaluate((selector) => {
      const editor = document.querySelector(selector);
      return { focused: editor === document.activeElement || editor.contains(document.activeElement) };
    }, site.editor);
    const pageAfterEdit = await page.evaluate(() => ({
      posted: window.__posted.length,
      text: window.__editorText(),
      dialog: Boolean(document.querySelector('[data-precheck="dialog"]')),
    }));
    check(
      pageAfterEdit.posted === 0 && pageAfterEdit.text === DRAFT && afterEdit.focused && !pageAfterEdit.dialog,
      `${site.host}: Escape is Edit (nothing posted, text kept, editor focused)`,
    );

    if (site.ctrlEnter === false) {
      // The site has no publishing shortcut: Post again, this time "Post anyway".
      await page.click(site.post);
    } else {
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
    }
    check(await waitFor(page, dialogOpen), `${site.host}: ${site.ctrlEnter === false ? 'Post' : 'Ctrl+Enter'} opens the pause dialog again`);
    await page.evaluate(() =>
      document.querySelector('[data-precheck="dialog"]').shadowRoot.querySelector('button.post').click(),
    );
    await sleep(600);
    const posted = await page.evaluate(() => window.__posted);
    check(posted.length === 1 && posted[0] === DRAFT, `${site.host}: Post anyway posts once, exactly as typed`);
    await page.close();

    const benign = await browser.newPage();
    await benign.goto(url);
    await benign.click(site.frame || site.editor);
    await benign.keyboard.type(BENIGN, { delay: 5 });
    await sleep(1500);
    await benign.click(site.post);
    await sleep(600);
    const posts = await benign.evaluate(() => window.__posted);
    const dialog = await benign.evaluate(() => Boolean(document.querySelector('[data-precheck="dialog"]')));
    check(
      !dialog && posts.length === 1 && posts[0] === BENIGN,
      `${site.host}: a benign draft posts straight through`,
    );
    await benign.close();
  }
} catch (error) {
  check(false, `unexpected error: ${error.message}`);
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
