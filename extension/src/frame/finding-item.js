// One finding as a list item, the same in the live panel and the pause
// dialog: the flagged words, severity, policy clause, message and suggestion,
// then whatever the panel offers to do about it (`actions`).

import { h } from './dom.js';
import { categoryLabel, clauseLabel, flaggedWords } from '../shared/findings.js';

export function findingItem(finding, actions = null) {
  return h(
    'li',
    { class: 'precheck-finding', 'data-severity': finding.severity, 'data-category': finding.category },
    h('span', { class: 'words' }, flaggedWords(finding)),
    ' ',
    h('span', { class: 'badge' }, finding.severity),
    ' ',
    h('span', { class: 'clause' }, clauseLabel(finding)),
    ' · ',
    h('span', { class: 'category' }, categoryLabel(finding.category)),
    h('p', { class: 'message' }, finding.message || ''),
    finding.suggestion ? h('p', { class: 'suggestion' }, `Suggestion: ${finding.suggestion}`) : null,
    actions,
  );
}
