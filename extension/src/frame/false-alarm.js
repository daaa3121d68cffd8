// What a person can do about a warning that is wrong, offered under it in the
// panel: dismiss it for this draft ("Not a pupil", worded per category), never
// flag these words for me again (kept in this browser), or tell the school it
// was wrong (the content script sends only the category and the flagged words).

import { h } from './dom.js';
import { dismissLabel, hasWords } from '../shared/findings.js';

/** The buttons; `choose(action)` hears "dismiss", "allow" or "report", from a person's click only. */
export function falseAlarmButtons(finding, choose) {
  const button = (action, label) => {
    const element = h('button', { type: 'button', class: `precheck-false-alarm ${action}` }, label);
    element.addEventListener('click', (event) => {
      if (event.isTrusted) choose(action);
    });
    return element;
  };
  const words = hasWords(finding);
  return h(
    'p',
    { class: 'precheck-false-alarms' },
    button('dismiss', dismissLabel(finding.category)),
    words ? button('allow', `Don’t flag “${finding.quote}” for me again`) : null,
    words ? button('report', 'Tell the school this was wrong') : null,
  );
}
