// Words for findings as staff read them, and which ones pause a post.

const CATEGORY_LABELS = {
  'pupil-name': "Pupil's name",
  'staff-name': "Colleague's name",
  'school-reference': 'Identifies the school',
  'work-discussion': 'Talks about work',
  'pupil-contact': 'Contact with pupils or parents',
  'contact-details': 'Personal contact details',
  offensive: 'Could offend',
  reputation: "School's reputation",
  'unsafe-link': 'Link to check',
  'child-photo': 'Photo of a child',
  'direct-message': 'Private message to a pupil',
  'working-hours': 'During working hours',
};

const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 };

export function categoryLabel(category) {
  return CATEGORY_LABELS[category] || category.replace(/-/g, ' ');
}

/** High and medium findings hold a post back for a moment; low ones only show. */
export function isBlocking(finding) {
  return finding.severity === 'high' || finding.severity === 'medium';
}

/** Most serious first, then in reading order. */
export function sortFindings(findings) {
  return [...findings].sort(
    (a, b) =>
      (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) || a.start - b.start,
  );
}

/** "“Aisha Khan”" for a span, or a description for a whole-post finding. */
export function flaggedWords(finding) {
  return finding.end > finding.start && finding.quote ? `“${finding.quote}”` : 'This post';
}

export function clauseLabel(finding) {
  return finding.clause ? `Policy ${finding.clause}` : 'Policy';
}

// What the person says a warning got wrong, per category: one click hides it for this draft.
const DISMISS_LABELS = {
  'pupil-name': 'Not a pupil',
  'staff-name': 'Not a colleague',
  'school-reference': 'Not about this school',
  'work-discussion': 'Not about work',
  'pupil-contact': 'Not contact with pupils',
  'contact-details': 'Not my personal details',
  offensive: 'Not offensive here',
  reputation: 'Not about the school',
  'unsafe-link': 'This link is fine',
  'child-photo': 'No child in this photo',
  'direct-message': 'Not messaging a pupil',
  'working-hours': 'Not working now',
};

export function dismissLabel(category) {
  return DISMISS_LABELS[category] || 'Not a problem here';
}

/** Whether a finding is about words of the draft (not the whole post): only those can be allowed or reported. */
export function hasWords(finding) {
  return finding.end > finding.start && Boolean(finding.quote && wordsKey(finding.quote));
}

/**
 * The form two quotes of the same words share: case, spacing, a leading # or @ and a
 * possessive do not matter ("Grace", "#grace", "Grace's"). The service compares school-wide
 * exceptions the same way (nlp/excepted.py).
 */
export function wordsKey(words) {
  const edge = /^[\s#@"'“”‘’]+|[\s"'“”‘’.,;:!?]+$/gu;
  const key = String(words).normalize('NFC').toLowerCase().split(/\s+/u).filter(Boolean).join(' ').replace(edge, '');
  return key.replace(/['’]s?$/u, '').replace(edge, '');
}

/** One finding's identity for dismissing it: its category and words. */
export function findingKey(finding) {
  return `${finding.category}\u0000${wordsKey(finding.quote || '')}`;
}
