// Small DOM helpers for what Precheck builds inside its shadow roots.

/** An element with attributes and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/**
 * A host element with an open shadow root, laid out so it takes no room and
 * catches no pointer: what it draws positions itself.
 */
export function shadowHost(kind, css) {
  const host = document.createElement('div');
  host.setAttribute('data-precheck', kind);
  for (const [property, value] of Object.entries({
    position: 'fixed',
    top: '0',
    left: '0',
    width: '0',
    height: '0',
    margin: '0',
    padding: '0',
    border: '0',
    overflow: 'visible',
    'z-index': '2147483646',
    'pointer-events': 'none',
    display: 'block',
  })) {
    host.style.setProperty(property, value, 'important');
  }
  const root = host.attachShadow({ mode: 'open' });
  root.append(h('style', {}, css));
  return { host, root };
}
