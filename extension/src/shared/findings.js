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
