// The one line between a Precheck frame and the content script that drew it:
// a runtime port named after the random id in the frame's address, which only
// that content script knows, joined by the background
// (background/frame-relay.js). Findings travel on it and nowhere else; the
// page around the frame can read neither the port nor the frame.
//
// The frame never listens to window messages: anything a page posts to it is
// ignored.

import { ext } from '../shared/ext.js';
import { PORT_PREFIX } from '../shared/frames.js';

/** Resolves the port once the background has joined it to the content script. */
export function portFromPage() {
  const port = ext.runtime.connect({ name: `${PORT_PREFIX}${location.hash.slice(1)}` });
  return new Promise((resolve) => {
    const onHello = (message) => {
      if (!message || message.type !== 'hello') return;
      port.onMessage.removeListener(onHello);
      resolve(port);
    };
    port.onMessage.addListener(onHello);
  });
}
