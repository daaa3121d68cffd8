// The WebExtension API object. Firefox offers both `browser` (promises) and
// `chrome`; Chromium only `chrome`, which returns promises in Manifest V3.
export const ext = globalThis.browser ?? globalThis.chrome;
