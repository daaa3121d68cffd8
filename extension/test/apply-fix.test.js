import { test } from 'node:test';
import assert from 'node:assert/strict';

import { removalSpan } from '../src/content/apply-fix.js';

const removed = (text, quote) => {
  const start = text.indexOf(quote);
  const [from, to] = removalSpan(text, start, start + quote.length);
  return text.slice(0, from) + text.slice(to);
};

test('a removal takes one space with the words, never two or none', () => {
  assert.equal(removed('text me on 07700 900123 tonight', '07700 900123'), 'text me on tonight');
  assert.equal(removed('text me on 07700 900123', '07700 900123'), 'text me on');
  assert.equal(removed('text me on 07700 900123.', '07700 900123'), 'text me on.');
  assert.equal(removed('07700 900123 any time', '07700 900123'), 'any time');
  assert.equal(removed('Call:\n07700 900123 any time', '07700 900123'), 'Call:\nany time');
  assert.equal(removed('(07700 900123)', '07700 900123'), '()');
});
