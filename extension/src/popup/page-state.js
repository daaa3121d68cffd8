// Whether Precheck is checking the page in the active tab, and if not, why:
// said plainly in the popup, so that silence is never taken for protection.

const FAILED_CONNECTION = {
  unauthorized: 'The server did not accept your access token, so drafts here go unchecked.',
  unreachable: 'The server could not be reached, so drafts here go unchecked.',
  'rate-limited': 'The server is busy and did not check the last draft.',
  'server-error': 'The server answered with an error, so drafts here go unchecked.',
  'bad-answer': 'The server gave an answer Precheck could not read, so drafts here go unchecked.',
};

/**
 * @param {object} facts
 * @param {string|null} facts.url          the tab's address, when the popup may read it
 * @param {{name: string}|null} facts.site  the site Precheck knows the page as, if any
 * @param {boolean} facts.configured        a server URL and token are saved
 * @param {boolean} facts.enabled           the site is switched on
 * @param {{active: boolean}|null} facts.status  what the page's content script says
 * @param {{state: string}|null} facts.connection  the last answer from the server
 * @returns {{checking: boolean, reason: string}}
 */
export function pageState({ url, site, configured, enabled, status, connection }) {
  const off = (reason) => ({ checking: false, reason });
  let address = null;
  try {
    address = url ? new URL(url) : null;
  } catch {
    address = null;
  }
  if (address && address.protocol === 'http:') {
    return off('This page is plain http, not https: Precheck checks only secure pages.');
  }
  if (address && address.protocol !== 'https:') return off('Precheck checks posts on web sites only.');
  if (!configured) return off('No server is set up yet: add your school’s server and access token in Options.');
  if (!site) {
    return off(
      address
        ? `Precheck is not switched on for ${address.hostname}.`
        : 'Precheck is not switched on for this site.',
    );
  }
  if (!enabled) return off(`Precheck is switched off for ${site.name}.`);
  if (connection && FAILED_CONNECTION[connection.state]) return off(FAILED_CONNECTION[connection.state]);
  if (!status || !status.active) return off(`Reload this page to start checking your posts on ${site.name}.`);
  return { checking: true, reason: `Precheck checks your posts on ${site.name} as you write.` };
}
