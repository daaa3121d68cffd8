import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_CHECKED_LENGTH, checkedPart } from '../src/shared/draft.js';

test('a draft up to the cap is sent whole', () => {
  const text = 'a'.repeat(MAX_CHECKED_LENGTH);
  assert.equal(checkedPart(text), text);
});

test('a longer draft sends only its start, and never half an astral character', () => {
  assert.equal(checkedPart('b'.repeat(MAX_CHECKED_LENGTH + 500)).length, MAX_CHECKED_LENGTH);
  const split = `${'c'.repeat(MAX_CHECKED_LENGTH - 1)}😀tail`;
  assert.equal(checkedPart(split), 'c'.repeat(MAX_CHECKED_LENGTH - 1));
});
