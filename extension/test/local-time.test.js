import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// The offset comes from the computer's time zone, so each case runs in a
// child process with its own TZ.
const moduleUrl = new URL('../src/shared/local-time.js', import.meta.url).href;

function localIsoTimeIn(timeZone, isoInstant) {
  const script = `import(${JSON.stringify(moduleUrl)}).then((m) =>
    process.stdout.write(m.localIsoTime(new Date(${JSON.stringify(isoInstant)}))))`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, TZ: timeZone },
    cwd: fileURLToPath(new URL('.', import.meta.url)),
  }).toString();
}

test('London in winter is +00:00', () => {
  assert.equal(localIsoTimeIn('Europe/London', '2026-11-24T10:15:07Z'), '2026-11-24T10:15:07+00:00');
});

test('London in summer time is +01:00 with the local clock time', () => {
  assert.equal(localIsoTimeIn('Europe/London', '2026-06-01T14:45:00Z'), '2026-06-01T15:45:00+01:00');
});

test('a negative offset keeps its sign and the local date', () => {
  assert.equal(localIsoTimeIn('America/St_Johns', '2026-01-01T02:00:00Z'), '2025-12-31T22:30:00-03:30');
});

test('the result is a valid ISO 8601 instant naming the same moment', () => {
  const value = localIsoTimeIn('Asia/Kolkata', '2026-03-05T23:59:59Z');
  assert.equal(value, '2026-03-06T05:29:59+05:30');
  assert.equal(new Date(value).toISOString(), '2026-03-05T23:59:59.000Z');
});
