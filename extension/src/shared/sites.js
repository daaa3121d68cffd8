// The sites Precheck knows, and which of them a host name belongs to.
//
// Built-in sites are the ones the policy names (and mastodon.social); their
// content scripts are in manifest.json with the same match patterns. Other
// sites (Mastodon instances, news comment forms) are added by the user in
// Options and get their content script registered at that moment.

export const BUILT_IN_SITES = [
  { id: 'x', name: 'X (Twitter)', hosts: ['x.com', 'twitter.com'] },
  { id: 'facebook', name: 'Facebook', hosts: ['facebook.com', 'messenger.com'] },
  { id: 'instagram', name: 'Instagram', hosts: ['instagram.com'] },
  { id: 'linkedin', name: 'LinkedIn', hosts: ['linkedin.com'] },
  { id: 'youtube', name: 'YouTube', hosts: ['youtube.com'] },
  { id: 'tumblr', name: 'Tumblr', hosts: ['tumblr.com'] },
  { id: 'blogger', name: 'Blogger', hosts: ['blogger.com', 'blogspot.com'] },
  // The largest Mastodon instance comes ready; others are added in Options.
  { id: 'mastodon.social', name: 'Mastodon (mastodon.social)', hosts: ['mastodon.social'], adapter: 'mastodon' },
];

/** The kinds of site a user can add, each served by one adapter. */
export const ADDED_SITE_KINDS = {
  mastodon: 'Mastodon instance',
  generic: 'Other site (text boxes and comment forms)',
};

const matchesHost = (hostname, host) => hostname === host || hostname.endsWith(`.${host}`);

/**
 * Which site a page is on: a built-in one, or one the user added.
 * @returns {{id: string, name: string, adapter: string} | null}
 */
export function siteForHost(hostname, addedSites = []) {
  const host = hostname.toLowerCase();
  const builtIn = BUILT_IN_SITES.find((site) => site.hosts.some((h) => matchesHost(host, h)));
  if (builtIn) return { id: builtIn.id, name: builtIn.name, adapter: builtIn.adapter || builtIn.id };
  const added = addedSites.find((site) => site.host === host);
  if (added) return { id: `added:${added.host}`, name: added.host, adapter: added.kind };
  return null;
}

/**
 * The host name in what a user typed ("mastodon.social", a full URL...), or
 * null when it is not one.
 */
export function hostFromInput(input) {
  const trimmed = String(input).trim();
  if (!trimmed) return null;
  let url;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return null;
  return host;
}

/** The match pattern a content script for an added site is registered with. */
export function matchPatternForHost(host) {
  return `https://${host}/*`;
}
