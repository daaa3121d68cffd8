// The last thing the service worker learnt about the server, for the popup.
// Kept in storage.session (gone when the browser closes) when there is one.

import { ext } from '../shared/ext.js';

const KEY = 'connection';
let inMemory = null;

const sessionArea = () => ext.storage && ext.storage.session;

export async function recordConnection(result) {
  const state = {
    state: result.ok ? 'ok' : result.reason,
    at: Date.now(),
  };
  inMemory = state;
  const area = sessionArea();
  if (area) await area.set({ [KEY]: state }).catch(() => {});
}

export async function readConnection() {
  const area = sessionArea();
  if (area) {
    const stored = await area.get(KEY).catch(() => ({}));
    if (stored[KEY]) return stored[KEY];
  }
  return inMemory;
}
