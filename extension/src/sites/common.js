// What every site adapter shares: how an editor, its composer and its post
// button are found from the adapter's selectors, also inside the page's open
// shadow roots (shared/composed-dom.js). An adapter file states only what is
// particular to its site.

import { closestComposed, composedParent, containsComposed, queryAllComposed } from '../shared/composed-dom.js';

const ROOT_SEARCH_DEPTH = 12;

/** Visible label of a button: its aria-label, else its text. */
export function buttonLabel(element) {
  return (element.getAttribute('aria-label') || element.textContent || element.value || '').trim();
}

/** An attachment preview (image or video) in `root` but not inside `editor`. */
export function hasMediaPreview(root, editor, selector) {
  if (!root) return false;
  return queryAllComposed(root, selector).some((element) => !containsComposed(editor, element));
}

/** Words a form or editor uses about itself: id, class, name, labels, action. */
export function selfDescription(element) {
  if (!element) return '';
  return ['id', 'class', 'name', 'aria-label', 'placeholder', 'action', 'data-testid']
    .map((attribute) => element.getAttribute(attribute) || '')
    .join(' ')
    .toLowerCase();
}

/**
 * @param {object} spec
 * @param {string} spec.id
 * @param {string} spec.editorSelector
 * @param {string} spec.postButtonSelector
 * @param {RegExp} [spec.postButtonLabel]  the button's label must match, when set
 * @param {(editor: Element, root: Element, button?: Element) => string} spec.surface
 * @param {(editor: Element, root: Element) => boolean} spec.hasMedia
 * @param {(editor: Element) => boolean} [spec.sendsOnEnter]
 * @param {(editor: Element) => Element} [spec.editorFor]  refine a matched element
 * @param {string} [spec.frameSelector]  iframes whose document is an editor
 * Any method below may be replaced by the spec.
 */
export function defineAdapter(spec) {
  const adapter = {
    sendsOnEnter: () => false,
    editorFor: (element) => element,

    /** The editor an event target is in, or null. */
    findEditor(node) {
      const element = node && (node.nodeType === 1 ? node : node.parentElement);
      const match = element && closestComposed(element, adapter.editorSelector);
      return match ? adapter.editorFor(match) : null;
    },

    isPostButton(element) {
      return (
        element.matches(adapter.postButtonSelector) &&
        (!adapter.postButtonLabel || adapter.postButtonLabel.test(buttonLabel(element)))
      );
    },

    /** The post button an event target is in, or null. */
    findPostButton(node) {
      const element = node && (node.nodeType === 1 ? node : node.parentElement);
      for (let el = element && closestComposed(element, adapter.postButtonSelector); el; ) {
        if (adapter.isPostButton(el)) return el;
        const parent = composedParent(el);
        el = parent && closestComposed(parent, adapter.postButtonSelector);
      }
      return null;
    },

    postButtonsIn(root) {
      return queryAllComposed(root, adapter.postButtonSelector).filter(adapter.isPostButton);
    },

    /**
     * The editor's composer: its nearest ancestor that also holds a post
     * button, else the nearest dialog or form, else its parent.
     */
    composerRoot(editor) {
      let node = composedParent(editor);
      for (let depth = 0; node && depth < ROOT_SEARCH_DEPTH; depth += 1) {
        if (adapter.postButtonsIn(node).length) return node;
        node = composedParent(node);
      }
      return closestComposed(editor, '[role="dialog"], dialog, form') || composedParent(editor) || editor;
    },

    /**
     * Same-origin iframes whose document holds an editor (a rich-text frame
     * with an editable body): the page's content script watches them too.
     */
    frameSelector: null,

    ...spec,
  };
  return adapter;
}
