// Walking the DOM across open shadow roots, as a person sees the page: sites
// render composers inside web components (LinkedIn's share box lives in the
// shadow root of #interop-outlet), where closest(), contains() and
// querySelectorAll() stop at the shadow boundary.

/** The parent element, or the shadow host when `node` is at the top of a shadow root. */
export function composedParent(node) {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent && parent.nodeType === 11 && parent.host ? parent.host : null;
}

/** Like element.closest(selector), continuing out through shadow hosts. */
export function closestComposed(element, selector) {
  for (let node = element; node; ) {
    const match = node.closest(selector);
    if (match) return match;
    const root = node.getRootNode();
    node = root && root.host ? root.host : null;
  }
  return null;
}

/** Whether `node` is `root` or inside it, across shadow roots. */
export function containsComposed(root, node) {
  for (let current = node; current; current = composedParent(current)) {
    if (current === root) return true;
  }
  return false;
}

/** Like root.querySelectorAll(selector), also inside every open shadow root beneath. */
export function queryAllComposed(root, selector) {
  const found = [...root.querySelectorAll(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...queryAllComposed(element.shadowRoot, selector));
  }
  return found;
}

/** The element that has focus, inside open shadow roots too. */
export function deepActiveElement(document) {
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) {
    active = active.shadowRoot.activeElement;
  }
  return active;
}
