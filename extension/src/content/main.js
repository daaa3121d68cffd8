// Starts Precheck on a page: asks the service worker whether this site is
// switched on (and set up), picks the site's adapter, and answers the popup.

import { ext } from '../shared/ext.js';
import { adapterNamed } from '../sites/index.js';
import { Controller } from './controller.js';

let controller = null;
let lastConfig = null;

async function applyConfig() {
  let config;
  try {
    config = await ext.runtime.sendMessage({ type: 'site-config', hostname: location.hostname });
  } catch {
    return; // The extension was reloaded or removed: this page's script is orphaned.
  }
  lastConfig = config;
  if (!config || !config.active) {
    controller?.stop();
    controller = null;
    return;
  }
  const settings = { account: config.account };
  if (controller) {
    controller.setConfig(settings);
    return;
  }
  controller = new Controller(adapterNamed(config.site.adapter), settings);
  controller.start();
}

function onMessage(message, sender, sendResponse) {
  if (sender.id !== ext.runtime.id || !message) return false;
  if (message.type === 'precheck-status') {
    // Only the frame where the person is writing answers the popup.
    if (window !== window.top && !controller?.currentFindings.length) return false;
    sendResponse({
      site: lastConfig?.site ?? null,
      active: Boolean(controller),
      warnings: controller ? controller.currentFindings.length : 0,
    });
    return false;
  }
  if (message.type === 'precheck-config-changed') {
    applyConfig().then(() => sendResponse({ active: Boolean(controller) }));
    return true;
  }
  return false;
}

export function start() {
  ext.runtime.onMessage.addListener(onMessage);
  return applyConfig();
}
