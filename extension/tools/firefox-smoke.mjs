// Firefox smoke run: the unpacked extension in Debian's Firefox ESR, driven
// over WebDriver BiDi by puppeteer-core, on the browser-test room's compose
// pages. Run it through firefox_smoke.py, which starts the service and the
// pages and passes their addresses; it prints one line per check and exits
// non-zero when any fails.
//
//   node firefox-smoke.mjs '{"extension": …, "server": …, "token": …, "sitePort": …,
//                            "sites": [{host, path, editor, post}], "addedSite": {host, port, editor, post},
//                            "extraPages": [{host, port, editor, post, frame?, ctrlEnter?}],
//                            "probedFiles": [paths in the extension], "framePages": [the web-accessible pages]}'

import puppeteer from 'puppeteer-core';

const {
  extension: extensionDir, server: serverUrl, token, sitePort, sites, addedSite, extraPages = [],
  probedFiles = [], framePages = [],
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

// Precheck draws in its own frames (extension pages in iframes): the overlay
// (highlights, role="status") and the pause dialog (role="alertdialog").
// (A frame's url() in Firefox over BiDi may still say about:blank.)
async function precheckFrame(page, kind) {
  for (const frame of page.frames()) {
    const href = await frame.evaluate(() => location.href).catch(() => '');
    if (href.includes(`/src/frame/${kind}.html`)) return frame;
  }
  return null;
}

/** Polls `fn` inside Precheck's `kind` frame until it answers truthy; that answer, or null. */
async function inFrame(page, kind, fn, arg, timeout = 10_000) {
  for (const deadline = Date.now() + timeout; Date.now() < deadline; await sleep(100)) {
    const frame = await precheckFrame(page, kind);
    if (!frame) continue;
    try {
      const answer = await frame.evaluate(fn, arg);
      if (answer) return answer;
    } catch {
      // The frame is loading or was just replaced.
    }
  }
  return null;
}

// Editors and buttons may sit inside the page's open shadow roots (LinkedIn).
const pierce = (selector) => `pierce/${selector}`;

const dialogOpen = (page) => inFrame(page, 'dialog', () => Boolean(document.querySelector('[role="alertdialog"]')));

/** Whether the page's own scripts can read any of `words` outside the editor (shadow roots and same-origin frames too). */
const pageCanRead = (page, editor, words) =>
  page.evaluate(
    (selector, secrets) => {
      const find = (root) => root.querySelector(selector)
        || [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean) || null;
      const skip = find(document);
      const parts = [];
      const walk = (node) => {
        if (node === skip) return;
        if (node.nodeType === 3) parts.push(node.data);
        if (node.nodeType === 1) {
          for (const attribute of node.attributes) parts.push(attribute.value);
          if (node.shadowRoot) walk(node.shadowRoot);
          let inner = null;
          try {
            inner = node.contentDocument;
          } catch {
            inner = null;
          }
          if (inner && inner.documentElement) walk(inner.documentElement);
        }
        for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
      };
      walk(document.documentElement);
      const text = parts.join('\n');
      return secrets.filter((secret) => text.includes(secret));
    },
    editor,
    words,
  );

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
    ...sites.map((site) => ({ ...site, url: `https://${site.host}:${sitePort}${site.path}` })),
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
    await page.click(pierce(site.frame || site.editor));
    await page.keyboard.type(DRAFT, { delay: 5 });
    const warning = await inFrame(page, 'overlay', () => {
      const status = document.querySelector('[role="status"]');
      return status && status.textContent.includes('07700 900123') ? status.textContent : null;
    });
    check(Boolean(warning), `${site.host}${site.path || ''}: the warning names the flagged words (in Precheck's frame)`);
    const highlights = await inFrame(page, 'overlay', () => document.querySelectorAll('.precheck-highlight').length);
    check(highlights > 0, `${site.host}${site.path || ''}: highlights drawn (${highlights})`);
    const clause = await inFrame(page, 'overlay', () => document.querySelector('.precheck-finding .clause')?.textContent);
    const leaked = await pageCanRead(page, site.frame ? site.frame : site.editor, [clause || 'Policy', 'Precheck could']);
    check(Boolean(clause) && leaked.length === 0, `${site.host}${site.path || ''}: the page's scripts read none of it (${leaked.join(', ') || 'nothing'})`);
    if (site === targets[0]) {
      // The extension's address, which the page sees in Precheck's frames: with it the
      // page can fetch the two frame pages and nothing else of the extension.
      const reachable = await page.evaluate(async (files) => {
        const { origin } = new URL(document.querySelector('iframe[data-precheck="overlay"]').src);
        const answers = await Promise.all(files.map((file) => fetch(`${origin}/${file}`).then((r) => r.ok, () => false)));
        return files.filter((file, i) => answers[i]);
      }, probedFiles);
      check(
        JSON.stringify(reachable.sort()) === JSON.stringify([...framePages].sort()),
        `${site.host}: of ${probedFiles.length} files of the extension the page can fetch only its frames (${reachable.join(', ')})`,
      );
    }

    await page.click(pierce(site.post));
    check(await dialogOpen(page), `${site.host}: Post opens the pause dialog`);
    await page.keyboard.press('Escape');
    await sleep(300);
    const afterEdit = await scope.evaluate((selector) => {
      const find = (root) => root.querySelector(selector)
        || [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean) || null;
      let active = document.activeElement;
      while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
      const editor = find(document);
      return { focused: editor === active || editor.contains(active) };
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
      await page.click(pierce(site.post));
    } else {
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
    }
    check(await dialogOpen(page), `${site.host}: ${site.ctrlEnter === false ? 'Post' : 'Ctrl+Enter'} opens the pause dialog again`);
    await (await precheckFrame(page, 'dialog')).click('button.post');
    await sleep(600);
    const posted = await page.evaluate(() => window.__posted);
    check(posted.length === 1 && posted[0] === DRAFT, `${site.host}: Post anyway posts once, exactly as typed`);
    await page.close();

    // The page's own script writes the draft into the editor (no key pressed, nothing
    // pasted): Precheck asks nothing about it, so no warning ever comes.
    const scripted = await browser.newPage();
    await scripted.goto(url);
    await scripted.click(pierce(site.frame || site.editor));
    await (site.frame ? await (await scripted.$(site.frame)).contentFrame() : scripted).evaluate((selector, text) => {
      const find = (root) => root.querySelector(selector)
        || [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean) || null;
      const editor = find(document) || document.body;
      editor.focus();
      if (editor.tagName === 'TEXTAREA') {
        editor.value = text;
        editor.dispatchEvent(new Event('input', { bubbles: true }));
      } else {
        document.execCommand('insertText', false, text);
      }
    }, site.frame ? 'body' : site.editor, DRAFT);
    const written = await scripted.evaluate(() => window.__editorText());
    const answered = await inFrame(scripted, 'overlay', () => {
      const status = document.querySelector('[role="status"]');
      return status && status.textContent.includes('07700 900123');
    }, undefined, 3_000);
    check(written.includes('07700 900123') && !answered,
      `${site.host}${site.path || ''}: text a page script writes is not checked (${written.includes('07700') ? 'written' : 'the write did not take'}, ${answered ? 'warned' : 'no warning'})`);
    await scripted.close();

    // A one-click fix from the panel: the number goes (with a space) through the editor's own
    // input path, so its model holds the new text and Ctrl+Z brings the number back.
    const fixing = await browser.newPage();
    await fixing.goto(url);
    await fixing.click(pierce(site.frame || site.editor));
    await fixing.keyboard.type(DRAFT, { delay: 5 });
    const offered = await inFrame(fixing, 'overlay', () => [...document.querySelectorAll('button.precheck-fix')]
      .map((button) => button.textContent).find((name) => name.includes('07700 900123')));
    const overlay = await precheckFrame(fixing, 'overlay');
    // A person reads the warning first; a fix within a second of the last key would join
    // the typing in Quill's undo step (history.delay), and Ctrl+Z would take both.
    await waitFor(fixing, (text) => window.__editorText() === text, DRAFT); // every key is in the editor's model
    await sleep(1100);
    if (offered && overlay) {
      const button = await overlay.$('button.precheck-fix');
      await button.evaluate((element) => element.scrollIntoView({ block: 'nearest' })); // the panel scrolls
      const box = await button.boundingBox();
      // As a person: the pointer comes over the panel (the frame then takes it), then clicks.
      await fixing.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await fixing.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    }
    const withoutNumber = DRAFT.replace('07700 900123 ', '');
    check(
      Boolean(offered) && await waitFor(fixing, (text) => window.__editorText() === text, withoutNumber),
      `${site.host}: "${offered || 'Remove …'}" takes the number out of the editor's own text`,
    );
    // The fix hands focus back to the editor; on a busy machine that can come a moment
    // after the text changed, and Ctrl+Z pressed before it would go to Precheck's frame.
    await waitFor(fixing, (selector) => {
      const find = (root) => root.querySelector(selector)
        || [...root.querySelectorAll('*')].map((e) => e.shadowRoot && find(e.shadowRoot)).find(Boolean) || null;
      let active = document.activeElement;
      while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
      const editor = find(document);
      return Boolean(editor) && (editor === active || editor.contains(active));
    }, site.frame || site.editor, 3_000);
    await fixing.keyboard.down('Control');
    await fixing.keyboard.press('z');
    await fixing.keyboard.up('Control');
    const undone = await waitFor(fixing, (text) => window.__editorText() === text, DRAFT);
    check(undone, `${site.host}: Ctrl+Z brings it back${undone ? '' : ` (the editor says ${JSON.stringify(await fixing.evaluate(() => window.__editorText()))})`}`);
    check((await fixing.evaluate(() => window.__posted.length)) === 0, `${site.host}: a fix posts nothing`);
    await fixing.close();

    const benign = await browser.newPage();
    await benign.goto(url);
    await benign.click(pierce(site.frame || site.editor));
    await benign.keyboard.type(BENIGN, { delay: 5 });
    await sleep(1500);
    await benign.click(pierce(site.post));
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
  check(false, `unexpected error: ${error.stack}`);
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
