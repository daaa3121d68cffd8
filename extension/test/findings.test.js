import { test } from 'node:test';
import assert from 'node:assert/strict';
import { categoryLabel, flaggedWords, isBlocking, sortFindings } from '../src/shared/findings.js';

const finding = (severity, start, extra = {}) => ({ category: 'pupil-name', severity, start, end: start + 4, quote: 'Aisha', ...extra });

test('high and medium pause a post; low only shows', () => {
  assert.deepEqual(['high', 'medium', 'low'].map((s) => isBlocking(finding(s, 0))), [true, true, false]);
});

test('most serious first, then in reading order', () => {
  const sorted = sortFindings([finding('low', 1), finding('high', 9), finding('medium', 3), finding('high', 2)]);
  assert.deepEqual(sorted.map((f) => `${f.severity}@${f.start}`), ['high@2', 'high@9', 'medium@3', 'low@1']);
});

test('a whole-post finding names the post, a span its words', () => {
  assert.equal(flaggedWords(finding('low', 0, { end: 0, quote: '', category: 'working-hours' })), 'This post');
  assert.equal(flaggedWords(finding('high', 5)), '“Aisha”');
});

test('every contract category has words for staff; a new one still reads', () => {
  for (const category of ['pupil-name', 'staff-name', 'school-reference', 'work-discussion', 'pupil-contact',
    'contact-details', 'offensive', 'reputation', 'unsafe-link', 'child-photo', 'direct-message', 'working-hours']) {
    assert.doesNotMatch(categoryLabel(category), /-/, category);
  }
  assert.equal(categoryLabel('some-new-category'), 'some new category');
});
