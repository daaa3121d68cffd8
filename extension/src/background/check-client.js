// Talks to the school's Precheck service. The only place draft text leaves
// the browser, and only to the configured server.

const CHECK_PATH = '/api/v1/check';
const TIMEOUT_MS = 8000;

/**
 * Why a check gave no answer, in words for staff.
 */
export const FAILURE_MESSAGES = {
  unconfigured: 'Precheck is not set up yet: add the server and your access token in Options.',
  unauthorized: 'The server answered, but it did not accept the access token.',
  unreachable: 'The server could not be reached.',
  'rate-limited': 'The server is busy; it asked to try again shortly.',
  'server-error': 'The server answered with an error.',
  'bad-answer': 'The server gave an answer Precheck could not read.',
};

function isFinding(value) {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof value.category === 'string' &&
    Number.isInteger(value.start) &&
    Number.isInteger(value.end) &&
    value.start >= 0 &&
    value.end >= value.start
  );
}

/**
 * POST /api/v1/check. Resolves {ok: true, findings, note} or
 * {ok: false, reason, status?}; never rejects.
 */
export async function checkDraft({ serverUrl, token, text, context, fetchImpl = fetch }) {
  if (!serverUrl || !token) return { ok: false, reason: 'unconfigured' };
  let response;
  try {
    response = await fetchImpl(`${serverUrl}${CHECK_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ text, context }),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (response.status === 401 || response.status === 403) {
    return { ok: false, reason: 'unauthorized', status: response.status };
  }
  if (response.status === 429) return { ok: false, reason: 'rate-limited', status: 429 };
  if (!response.ok) return { ok: false, reason: 'server-error', status: response.status };
  let answer;
  try {
    answer = await response.json();
  } catch {
    return { ok: false, reason: 'bad-answer' };
  }
  if (!answer || !Array.isArray(answer.findings) || !answer.findings.every(isFinding)) {
    return { ok: false, reason: 'bad-answer' };
  }
  return {
    ok: true,
    findings: answer.findings,
    note: typeof answer.note === 'string' && answer.note ? answer.note : null,
  };
}

// A greeting with no name, place or detail in it: what "Test connection" sends.
const HARMLESS_TEXT = 'Hello';

/** "Test connection": does the server answer, and does it take the token? */
export async function testConnection({ serverUrl, token, fetchImpl = fetch }) {
  const result = await checkDraft({ serverUrl, token, text: HARMLESS_TEXT, context: {}, fetchImpl });
  if (result.ok) {
    return { ok: true, message: 'Connected: the server answered and your access token works.' };
  }
  const detail = result.status ? ` (HTTP ${result.status})` : '';
  return { ok: false, reason: result.reason, message: FAILURE_MESSAGES[result.reason] + detail };
}

const ENROL_PATH = '/api/v1/enrol';

/**
 * Exchange an enrolment link's code for an access token, once:
 * {ok: true, token, label} or {ok: false, message}; never rejects.
 */
export async function exchangeEnrolment({ serverUrl, code, fetchImpl = fetch }) {
  let response;
  try {
    response = await fetchImpl(`${serverUrl}${ENROL_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { ok: false, message: `The server in the link (${serverUrl}) could not be reached.` };
  }
  if (response.status === 400) {
    return { ok: false, message: 'This enrolment link no longer works: it was used already, has expired or was revoked. Ask your Precheck admin for a new one.' };
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    answer = null;
  }
  if (!response.ok || !answer || typeof answer.token !== 'string' || !answer.token) {
    return { ok: false, message: `The server answered with an error (HTTP ${response.status}).` };
  }
  return { ok: true, token: answer.token, label: typeof answer.label === 'string' ? answer.label : '' };
}

const FALSE_ALARM_PATH = '/api/v1/false-alarms';

/**
 * "Tell the school this was wrong": the warning's category and flagged words, and nothing
 * else (not the draft, not where it was being written). {ok: true} or {ok: false, reason};
 * never rejects.
 */
export async function reportFalseAlarm({ serverUrl, token, category, words, fetchImpl = fetch }) {
  if (!serverUrl || !token) return { ok: false, reason: 'unconfigured' };
  let response;
  try {
    response = await fetchImpl(`${serverUrl}${FALSE_ALARM_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ category, words }),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (response.status === 401 || response.status === 403) return { ok: false, reason: 'unauthorized' };
  if (response.status === 429) return { ok: false, reason: 'rate-limited' };
  return response.ok ? { ok: true } : { ok: false, reason: 'server-error' };
}
