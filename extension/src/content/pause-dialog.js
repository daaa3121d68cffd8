// The pause before publishing, drawn in the dialog frame (src/frame/dialog.js)
// over the page: this side makes the frame, gives it focus, keeps focus from
// wandering back to the page while it is open, and hears the choice.

import { ExtensionFrame } from './extension-frame.js';
import { sortFindings } from '../shared/findings.js';
import { DIALOG_PAGE } from '../shared/frames.js';

// A frame that never opens its port (the site blocks frames) must not hold
// the post back: Precheck advises, it never blocks.
const CONNECT_TIMEOUT_MS = 5000;

const forDisplay = ({ category, severity, clause, quote, message, suggestion, start, end, replacements }) => ({
  category, severity, clause, quote, message, suggestion, start, end,
  replacements: Array.isArray(replacements) ? replacements.filter((r) => typeof r === 'string') : [],
});

/**
 * Resolves 'edit' or 'post' once the person chooses.
 * @param {object} options
 * @param {object[]} options.findings  high and medium findings outstanding
 * @param {number} options.lower       how many lower findings the panel shows besides
 * @param {string|null} options.note   the school's own words, if any
 * @param {Element} options.container  where the frame goes (outside the editor)
 * @param {(finding: object, replacement: string) => void} [options.onFix]  the person chose one of
 *   a finding's fixes: the dialog closes as with Edit ('edit'), after this is called
 * @param {(finding: object, action: string) => void} [options.onFalseAlarm]  the person chose a
 *   finding's false-alarm button ("dismiss", "allow", "report"): closes as with Edit, after this
 */
export function askBeforePosting({ findings, lower = 0, note, container, onFix, onFalseAlarm }) {
  const shown = sortFindings(findings); // in the dialog's order: a fix names its finding by index
  return new Promise((resolve) => {
    const ownerDocument = container.ownerDocument;
    let timer = 0;
    let frame = null;
    let finished = false;
    const finish = (choice) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      ownerDocument.removeEventListener('focusin', keepFocusInside, true);
      frame.retire();
      resolve(choice);
    };
    // Focus that wanders to the page comes back to the dialog; the guard
    // stops a tug of war with a site's own focus trap from recursing.
    let refocusing = false;
    const keepFocusInside = (event) => {
      // (In a site's shadow root, the document hears focus on its host.)
      const target = event.composedPath ? event.composedPath()[0] : event.target;
      if (target === frame.element || refocusing) return;
      refocusing = true;
      try {
        frame.element.focus();
        frame.post({ type: 'focus' });
      } finally {
        refocusing = false;
      }
    };
    frame = new ExtensionFrame({
      page: DIALOG_PAGE,
      kind: 'dialog',
      title: 'Precheck: check this post before it goes out',
      ownerDocument,
      interactive: true,
      onMessage: (message) => {
        if (!message || message.type !== 'choice' || finished) return;
        const fix = message.choice === 'fix' && message.fix;
        const finding = fix && shown[fix.index];
        if (finding && typeof fix.replacement === 'string' && finding.replacements?.includes(fix.replacement)) {
          onFix?.(finding, fix.replacement);
        }
        const wrong = message.choice === 'false-alarm' && message.falseAlarm;
        if (wrong && shown[wrong.index] && typeof wrong.action === 'string') {
          onFalseAlarm?.(shown[wrong.index], wrong.action);
        }
        finish(message.choice === 'post' ? 'post' : 'edit');
      },
      // Closed before a choice (the page removed the frame): nothing is posted.
      onGone: () => finish('edit'),
    });
    frame.post({ type: 'ask', findings: shown.map(forDisplay), lower, note });
    container.append(frame.element);
    frame.element.focus();
    ownerDocument.addEventListener('focusin', keepFocusInside, true);
    timer = setTimeout(() => {
      if (!frame.connected) finish('post');
    }, CONNECT_TIMEOUT_MS);
  });
}
