// A minimal tree of nodes with just what text-extraction reads, so its
// rules can be tested under node without a browser.

class FakeNode {
  constructor(nodeType, nodeName) {
    this.nodeType = nodeType;
    this.nodeName = nodeName;
    this.parentNode = null;
    this.childNodes = [];
  }

  get firstChild() {
    return this.childNodes[0] ?? null;
  }

  get nextSibling() {
    if (!this.parentNode) return null;
    const siblings = this.parentNode.childNodes;
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
}

export function text(data) {
  const node = new FakeNode(3, '#text');
  node.data = data;
  return node;
}

export function el(tag, ...children) {
  const node = new FakeNode(1, tag.toUpperCase());
  for (const child of children) {
    const childNode = typeof child === 'string' ? text(child) : child;
    childNode.parentNode = node;
    node.childNodes.push(childNode);
  }
  return node;
}

/** A document whose ranges remember their boundaries and read their text. */
export const fakeDocument = {
  createRange() {
    return {
      setStart(node, offset) {
        this.startContainer = node;
        this.startOffset = offset;
      },
      setEnd(node, offset) {
        this.endContainer = node;
        this.endOffset = offset;
      },
      get collapsed() {
        return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
      },
    };
  },
};
