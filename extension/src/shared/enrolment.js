// Enrolment links: `<server>/enrol#pce_…`, one per member of staff, issued by
// the school's admin. The code after # is exchanged once, at the server's
// POST /api/v1/enrol, for the person's own access token.

import { normaliseServerUrl, serverUrlProblem } from './settings.js';

const ENROL_PATH = '/enrol';
const CODE = /^pce_[A-Za-z0-9_-]{20,100}$/;

/**
 * The server and the code of an enrolment link as pasted or opened:
 * {serverUrl, code}, or {problem} in words for staff.
 */
export function parseEnrolmentLink(input) {
  let url;
  try {
    url = new URL(String(input).trim());
  } catch {
    return { problem: 'Paste the whole enrolment link, starting with https://' };
  }
  const code = decodeURIComponent(url.hash.slice(1));
  if (!url.pathname.replace(/\/+$/, '').endsWith(ENROL_PATH) || !CODE.test(code)) {
    return { problem: 'That is not a Precheck enrolment link: it ends in /enrol# and a code. Paste the whole link from your email.' };
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '').slice(0, -ENROL_PATH.length)}`;
  const problem = serverUrlProblem(base);
  if (problem) return { problem };
  return { serverUrl: normaliseServerUrl(base), code };
}

/** Whether a tab's address is an enrolment link (the popup offers to use it). */
export function isEnrolmentLink(address) {
  return !parseEnrolmentLink(address).problem;
}
