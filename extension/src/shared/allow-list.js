// The person's own allow-list: words they told Precheck not to flag for them again, each with
// the category it was flagged as. Kept in storage.local, in this browser only: it is never sent
// anywhere. Findings it covers are dropped before they are shown (background/service-worker.js).
//
// storage.local.allowList: [{category: "pupil-name", words: "Grace"}, …]

import { ext } from './ext.js';
import { findingKey, hasWords, wordsKey } from './findings.js';

// Words are what a warning quoted; a longer "word" is not what this list is for.
export const MAX_ALLOWED_WORDS = 100;

export async function loadAllowList() {
  const { allowList } = await ext.storage.local.get('allowList');
  return Array.isArray(allowList) ? allowList : [];
}

/** Adds words of a category (once); false when they are not words a warning could quote. */
export async function allowWords(category, words) {
  if (typeof category !== 'string' || typeof words !== 'string') return false;
  const shown = words.split(/\s+/u).filter(Boolean).join(' ');
  if (!wordsKey(shown) || shown.length > MAX_ALLOWED_WORDS) return false;
  const entries = await loadAllowList();
  const key = findingKey({ category, quote: shown });
  if (!entries.some((entry) => findingKey({ category: entry.category, quote: entry.words }) === key)) {
    await ext.storage.local.set({ allowList: [...entries, { category, words: shown }] });
  }
  return true;
}

export async function removeAllowed(category, words) {
  const key = findingKey({ category, quote: words });
  const entries = await loadAllowList();
  await ext.storage.local.set({
    allowList: entries.filter((entry) => findingKey({ category: entry.category, quote: entry.words }) !== key),
  });
}

/** The findings the allow-list does not cover. */
export function withoutAllowed(findings, entries) {
  if (!entries.length) return findings;
  const allowed = new Set(entries.map((entry) => findingKey({ category: entry.category, quote: entry.words })));
  return findings.filter((finding) => !(hasWords(finding) && allowed.has(findingKey(finding))));
}
