// How much of one draft is sent for checking. Social posts are short (X 280,
// LinkedIn 3,000 characters); a cap keeps one draft from carrying thousands
// of candidate names to the server in one go. The person is told when a
// draft was longer than this and only its start was checked.

export const MAX_CHECKED_LENGTH = 10_000;

/** The start of `text` that is checked, never splitting a surrogate pair. */
export function checkedPart(text) {
  if (text.length <= MAX_CHECKED_LENGTH) return text;
  let end = MAX_CHECKED_LENGTH;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}
