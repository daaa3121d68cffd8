// The one content script, built from src/content/ (`make extension`): what the
// manifest, the popup and the added sites' registrations inject.
export const CONTENT_SCRIPT = 'build/content-script.js';
