// Joins a content script to the Precheck frame it drew on the page: each
// opens a runtime port to the background under the name of the frame's
// random id, and the background passes messages between the two. (Neither
// Chromium nor Firefox delivers a port from one straight to the other in
// both browsers.) Only this extension's content script and frame of the same
// tab are joined; nothing passed is kept or logged.

import { ext } from '../shared/ext.js';
import { PORT_PREFIX } from '../shared/frames.js';

const waiting = new Map(); // `${name}|frame` or `${name}|page` -> port

function isFrame(sender) {
  try {
    return new URL(sender.url).pathname.startsWith('/src/frame/');
  } catch {
    return false;
  }
}

function join(page, frame) {
  for (const [from, to] of [[page, frame], [frame, page]]) {
    from.onMessage.addListener((message) => {
      if (message && message.type === 'keep-alive') return;
      try {
        to.postMessage(message);
      } catch {
        // The other side has just gone; its disconnect follows.
      }
    });
    from.onDisconnect.addListener(() => to.disconnect());
  }
  page.postMessage({ type: 'hello' });
  frame.postMessage({ type: 'hello' });
}

export function relayFramePorts() {
  ext.runtime.onConnect.addListener((port) => {
    if (!port.name.startsWith(PORT_PREFIX)) return;
    const { sender } = port;
    if (!sender || sender.id !== ext.runtime.id || !sender.tab) {
      port.disconnect();
      return;
    }
    const side = isFrame(sender) ? 'frame' : 'page';
    const other = waiting.get(`${port.name}|${side === 'frame' ? 'page' : 'frame'}`);
    if (other && other.sender.tab.id === sender.tab.id) {
      waiting.delete(`${port.name}|${side === 'frame' ? 'page' : 'frame'}`);
      if (side === 'frame') join(other, port);
      else join(port, other);
      return;
    }
    const key = `${port.name}|${side}`;
    waiting.set(key, port);
    port.onDisconnect.addListener(() => {
      if (waiting.get(key) === port) waiting.delete(key);
    });
  });
}
