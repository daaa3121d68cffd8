import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, locate, rangeFor } from '../src/content/text-extraction.js';
import { el, fakeDocument, text } from './fake-dom.js';

test('plain text in one block reads as it is', () => {
  const root = el('div', el('p', 'Well done Aisha Khan!'));
  assert.equal(extractText(root).text, 'Well done Aisha Khan!');
});

test('blocks are separated by exactly one newline', () => {
  const root = el('div', el('p', 'First line'), el('p', 'Second line'), el('p', 'Third'));
  assert.equal(extractText(root).text, 'First line\nSecond line\nThird');
});

test('an empty paragraph (Lexical, Quill, ProseMirror) is a blank line', () => {
  const root = el('div', el('p', 'Above'), el('p', el('br')), el('p', 'Below'));
  assert.equal(extractText(root).text, 'Above\n\nBelow');
});

test('a trailing <br> that only holds a line open adds nothing', () => {
  const root = el('div', el('p', 'One', el('br')), el('p', 'Two'));
  assert.equal(extractText(root).text, 'One\nTwo');
});

test('a <br> inside a line breaks it', () => {
  const root = el('div', el('p', 'One', el('br'), 'Two'));
  assert.equal(extractText(root).text, 'One\nTwo');
});

test('Draft.js nesting: blocks of spans read as lines', () => {
  const block = (...spans) =>
    el('div', el('div', ...spans.map((s) => el('span', el('span', s)))));
  const emptyBlock = el('div', el('div', el('span', el('br'))));
  const root = el('div', el('div', block('Hello ', 'there'), emptyBlock, block('again')));
  assert.equal(extractText(root).text, 'Hello there\n\nagain');
});

test('images, scripts and styles are not text', () => {
  const root = el('div', el('p', 'Look', el('img'), el('style', 'p{}'), ' here'));
  assert.equal(extractText(root).text, 'Look here');
});

test('a textarea-like plain contenteditable keeps its own newlines', () => {
  const root = el('div', 'line one\nline two');
  assert.equal(extractText(root).text, 'line one\nline two');
});

test('segments cover every text node at its offset', () => {
  const root = el('div', el('p', 'ab', el('b', 'cd')), el('p', 'ef'));
  const { text: value, segments } = extractText(root);
  assert.equal(value, 'abcd\nef');
  for (const segment of segments) {
    assert.equal(value.slice(segment.start, segment.end), segment.node.data);
  }
});

test('offsets are UTF-16 code units, as the server counts them', () => {
  const name = text('Aisha');
  const root = el('div', el('p', '👩🏽‍🏫 𝒜 '), el('p', 'Well done ', name));
  const { text: value, segments } = extractText(root);
  const start = value.indexOf('Aisha');
  const range = rangeFor(fakeDocument, segments, start, start + 5);
  assert.equal(range.startContainer, name);
  assert.equal(range.startOffset, 0);
  assert.equal(range.endContainer, name);
  assert.equal(range.endOffset, 5);
});

test('a span across two text nodes starts in one and ends in the other', () => {
  const first = text('Aisha ');
  const second = text('Khan is');
  const root = el('div', el('p', first, el('i', second)));
  const { segments } = extractText(root);
  const range = rangeFor(fakeDocument, segments, 0, 10);
  assert.equal(range.startContainer, first);
  assert.equal(range.startOffset, 0);
  assert.equal(range.endContainer, second);
  assert.equal(range.endOffset, 4);
});

test('at a node boundary a start looks forward and an end looks back', () => {
  const first = text('ab');
  const second = text('cd');
  const root = el('div', el('p', first), el('p', second));
  const { segments } = extractText(root); // "ab\ncd"
  assert.deepEqual(locate(segments, 2, 'end'), { node: first, offset: 2 });
  assert.deepEqual(locate(segments, 3, 'start'), { node: second, offset: 0 });
  // The newline between blocks belongs to no node.
  assert.deepEqual(locate(segments, 2, 'start'), { node: second, offset: 0 });
  assert.deepEqual(locate(segments, 3, 'end'), { node: first, offset: 2 });
});

test('an empty or whole-post span has no range', () => {
  const root = el('div', el('p', 'text'));
  const { segments } = extractText(root);
  assert.equal(rangeFor(fakeDocument, segments, 0, 0), null);
  assert.equal(rangeFor(fakeDocument, [], 0, 3), null);
});
