// Each site adapter on markup modelled on its site (as SITES.md lists it):
// which element is the editor and the post button, the composer that joins
// them, and the surface and has_media sent as context.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const requireFromTools = createRequire(new URL('../tools/package.json', import.meta.url));
let JSDOM;
try {
  ({ JSDOM } = requireFromTools('jsdom'));
} catch {
  throw new Error('adapters.test.js needs jsdom: run `npm ci` in extension/tools first');
}

const { adapterNamed } = await import('../src/sites/index.js');

/** A page at `url` with `html` in its body; the adapters read the globals. */
function page(url, html) {
  const dom = new JSDOM(`<!doctype html><body>${html}</body>`, { url });
  globalThis.window = dom.window;
  globalThis.document = dom.window.document;
  globalThis.location = dom.window.location;
  const $ = (selector) => dom.window.document.querySelector(selector);
  return { $, document: dom.window.document };
}

/** Everything an adapter says about the editor `editorSelector` and its button. */
function read(adapterName, url, html, editorSelector, buttonSelector) {
  const adapter = adapterNamed(adapterName);
  const { $ } = page(url, html);
  const inside = $(editorSelector).querySelector('*') || $(editorSelector);
  const editor = adapter.findEditor(inside);
  const root = editor && adapter.composerRoot(editor);
  const button = buttonSelector ? adapter.findPostButton($(buttonSelector).firstChild || $(buttonSelector)) : null;
  return {
    isEditor: editor === $(editorSelector),
    button: button && button === $(buttonSelector),
    buttonInComposer: Boolean(button && root.contains(button)),
    surface: editor && adapter.surface(editor, root),
    hasMedia: editor && adapter.hasMedia(editor, root),
    sendsOnEnter: editor && adapter.sendsOnEnter(editor),
  };
}

const draftjs = (testid = 'tweetTextarea_0') => `
  <div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true"
       role="textbox" data-testid="${testid}"><div data-contents="true"><div data-block="true">
       <span data-text="true">hello</span></div></div></div></div>`;

test('X: the modal composer posts; attachments are media', () => {
  const html = (media) => `<div role="dialog"><div>${draftjs()}${media}
    <div data-testid="toolBar"><button data-testid="tweetButton"><span>Post</span></button></div></div></div>`;
  const plain = read('x', 'https://x.com/compose/post', html(''), '[data-testid="tweetTextarea_0"]', '[data-testid="tweetButton"]');
  assert.deepEqual(plain, {
    isEditor: true, button: true, buttonInComposer: true, surface: 'post', hasMedia: false, sendsOnEnter: false,
  });
  const withPhoto = read('x', 'https://x.com/compose/post',
    html('<div data-testid="attachments"><img src="blob:https://x.com/1"></div>'), '[data-testid="tweetTextarea_0"]');
  assert.equal(withPhoto.hasMedia, true);
});

test('X: a reply (Reply button, the post answered above the box, or inline under a post)', () => {
  const byButton = read('x', 'https://x.com/home', `<div>${draftjs()}
    <button data-testid="tweetButtonInline">Reply</button></div>`, '[data-testid="tweetTextarea_0"]', '[data-testid="tweetButtonInline"]');
  assert.equal(byButton.surface, 'reply');
  const inDialog = read('x', 'https://x.com/compose/post', `<div role="dialog"><article data-testid="tweet">them</article>
    <div>${draftjs()}<button data-testid="tweetButton">Post</button></div></div>`, '[data-testid="tweetTextarea_0"]');
  assert.equal(inDialog.surface, 'reply');
  const inline = read('x', 'https://x.com/someone/status/1234567', `<div>${draftjs()}
    <button data-testid="tweetButtonInline">Post</button></div>`, '[data-testid="tweetTextarea_0"]');
  assert.equal(inline.surface, 'reply');
});

test('X: a direct message, sent with Enter', () => {
  const dm = read('x', 'https://x.com/messages/1-2', `<aside><div data-testid="dmComposerTextInput"
    contenteditable="true" role="textbox"><span>hi</span></div><button data-testid="dmComposerSendButton">Send</button></aside>`,
  '[data-testid="dmComposerTextInput"]', '[data-testid="dmComposerSendButton"]');
  assert.equal(dm.isEditor, true);
  assert.equal(dm.buttonInComposer, true);
  assert.equal(dm.surface, 'message');
  assert.equal(dm.sendsOnEnter, true);
});

const lexical = (label) => `<div contenteditable="true" role="textbox" data-lexical-editor="true"
  aria-label="${label}"><p dir="auto"><span data-lexical-text="true">hello</span></p></div>`;

test('Facebook: surface from the Lexical box label; Enter sends all but a post', () => {
  const cases = [
    ["What's on your mind, Sam?", 'Post', 'post', false],
    ['Write a comment…', 'Comment', 'comment', true],
    ['Write a public comment…', 'Comment', 'comment', true],
    ['Write a reply…', 'Reply', 'reply', true],
    ['Message', 'Send', 'message', true],
  ];
  for (const [label, buttonLabel, surface, sendsOnEnter] of cases) {
    const result = read('facebook', 'https://www.facebook.com/', `<div role="dialog"><form>${lexical(label)}
      <div role="button" aria-label="${buttonLabel}" tabindex="0"><span>${buttonLabel}</span></div></form></div>`,
    '[data-lexical-editor]', '[role="button"]');
    assert.equal(result.button, true, label);
    assert.equal(result.buttonInComposer, true, label);
    assert.equal(result.surface, surface, label);
    assert.equal(result.sendsOnEnter, sendsOnEnter, label);
  }
});

test('Facebook: an attached photo is media, an emoji inside the text is not', () => {
  const withPhoto = read('facebook', 'https://www.facebook.com/', `<div role="dialog">${lexical("What's on your mind?")}
    <div><img src="blob:https://www.facebook.com/9"></div><div role="button" aria-label="Post">Post</div></div>`, '[data-lexical-editor]');
  assert.equal(withPhoto.hasMedia, true);
  const emoji = read('facebook', 'https://www.facebook.com/', `<div role="dialog"><div contenteditable="true" role="textbox"
    data-lexical-editor="true" aria-label="What's on your mind?"><p><img src="data:image/png;base64,AA" alt="🙂"></p></div>
    <div role="button" aria-label="Post">Post</div></div>`, '[data-lexical-editor]');
  assert.equal(emoji.hasMedia, false);
});

test('Instagram: caption (always media), comment box, reply, direct message', () => {
  const caption = read('instagram', 'https://www.instagram.com/', `<div role="dialog"><div><div role="button">Share</div></div>
    <div contenteditable="true" role="textbox" aria-label="Write a caption..."><p>hi</p></div></div>`,
  '[aria-label^="Write a caption"]', '[role="button"]');
  assert.deepEqual([caption.button, caption.buttonInComposer, caption.surface, caption.hasMedia], [true, true, 'post', true]);

  const comment = (value) => read('instagram', 'https://www.instagram.com/p/abc/', `<section><form>
    <textarea aria-label="Add a comment…">${value}</textarea><div role="button">Post</div></form></section>`,
  'textarea', '[role="button"]');
  assert.deepEqual([comment('Lovely').surface, comment('Lovely').sendsOnEnter], ['comment', true]);
  assert.equal(comment('@friend thanks').surface, 'reply');

  const dm = read('instagram', 'https://www.instagram.com/direct/t/1/', `<div><div contenteditable="true" role="textbox"
    aria-label="Message"><p>hi</p></div><div role="button">Send</div></div>`, '[aria-label="Message"]');
  assert.equal(dm.surface, 'message');

  const { $ } = page('https://www.instagram.com/', '<div role="button">Cancel</div>');
  assert.equal(adapterNamed('instagram').findPostButton($('[role="button"]')), null);
});

test('LinkedIn: the share box inside #interop-outlet\'s open shadow root is found through it', async () => {
  const { containsComposed } = await import('../src/shared/composed-dom.js');
  const adapter = adapterNamed('linkedin');
  const { $ } = page('https://www.linkedin.com/feed/', '<main><p>feed</p></main><div id="interop-outlet"></div>');
  const shadow = $('#interop-outlet').attachShadow({ mode: 'open' });
  shadow.innerHTML = `<div class="share-box" role="dialog"><div class="share-creation-state__text-editor">
    <div class="ql-editor" contenteditable="true"><p>hi <strong>there</strong></p></div></div>
    <div class="share-creation-state__additional-content"><img src="blob:https://www.linkedin.com/1"></div>
    <button class="share-actions__primary-action"><span>Post</span></button></div>`;
  const editor = adapter.findEditor(shadow.querySelector('strong').firstChild);
  assert.equal(editor, shadow.querySelector('.ql-editor'));
  const root = adapter.composerRoot(editor);
  assert.equal(root, shadow.querySelector('.share-box'));
  const button = adapter.findPostButton(shadow.querySelector('button span'));
  assert.equal(button, shadow.querySelector('button'));
  assert.deepEqual(adapter.postButtonsIn(document.body), [button]);
  assert.ok(containsComposed(document.body, button));
  assert.equal(adapter.surface(editor, root), 'post');
  assert.equal(adapter.hasMedia(editor, root), true);
  shadow.querySelector('img').remove();
  assert.equal(adapter.hasMedia(editor, root), false);
});

test('LinkedIn: share box, comment, reply and message by their Quill/messaging containers', () => {
  const share = read('linkedin', 'https://www.linkedin.com/feed/', `<div class="share-box"><div class="share-creation-state__text-editor">
    <div class="ql-editor" contenteditable="true"><p>hi</p></div></div>
    <div class="share-creation-state__additional-content"><img src="https://media.licdn.com/x.jpg"></div>
    <button class="share-actions__primary-action">Post</button></div>`, '.ql-editor', '.share-actions__primary-action');
  assert.deepEqual([share.button, share.buttonInComposer, share.surface, share.hasMedia], [true, true, 'post', true]);

  const comment = read('linkedin', 'https://www.linkedin.com/feed/', `<form class="comments-comment-box__form">
    <div class="comments-comment-texteditor"><div class="ql-editor" contenteditable="true"><p>hi</p></div></div>
    <button class="comments-comment-box__submit-button">Comment</button></form>`, '.ql-editor', 'button');
  assert.deepEqual([comment.buttonInComposer, comment.surface, comment.hasMedia], [true, 'comment', false]);

  const reply = read('linkedin', 'https://www.linkedin.com/feed/', `<div class="comments-comment-item__nested-items">
    <form class="comments-comment-box--reply"><div class="comments-comment-texteditor"><div class="ql-editor"
    contenteditable="true"><p>hi</p></div></div><button class="comments-comment-box__submit-button--cr">Reply</button></form></div>`,
  '.ql-editor', 'button');
  assert.equal(reply.surface, 'reply');

  const message = read('linkedin', 'https://www.linkedin.com/messaging/', `<form class="msg-form">
    <div class="msg-form__contenteditable" contenteditable="true" role="textbox"><p>hi</p></div>
    <button class="msg-form__send-button">Send</button></form>`, '.msg-form__contenteditable', 'button');
  assert.deepEqual([message.isEditor, message.buttonInComposer, message.surface], [true, true, 'message']);
});

test('YouTube: a comment, or a reply under a comment; never media', () => {
  const box = `<ytd-commentbox><div id="contenteditable-textarea"><div id="contenteditable-root" contenteditable="true">hi</div></div>
    <ytd-button-renderer id="submit-button"><button>Comment</button></ytd-button-renderer></ytd-commentbox>`;
  const comment = read('youtube', 'https://www.youtube.com/watch?v=1', `<ytd-comments>${box}</ytd-comments>`,
    '#contenteditable-root', '#submit-button button');
  assert.deepEqual([comment.button, comment.buttonInComposer, comment.surface, comment.hasMedia], [true, true, 'comment', false]);
  const reply = read('youtube', 'https://www.youtube.com/watch?v=1',
    `<ytd-comment-thread-renderer><ytd-comment-replies-renderer>${box}</ytd-comment-replies-renderer></ytd-comment-thread-renderer>`,
    '#contenteditable-root');
  assert.equal(reply.surface, 'reply');
});

test('Tumblr: a text block of the post form, posted by "Post now"; image blocks are media', () => {
  const post = read('tumblr', 'https://www.tumblr.com/new/text', `<div role="dialog"><div class="post-form">
    <div class="block-editor-rich-text__editable" contenteditable="true"><p>hi</p></div>
    <figure><img src="https://64.media.tumblr.com/a.png"></figure>
    <div class="post-form--footer"><button>Close</button><button class="post-form--save-button">Post now</button></div></div></div>`,
  '.block-editor-rich-text__editable', '.post-form--save-button');
  assert.deepEqual([post.button, post.buttonInComposer, post.surface, post.hasMedia], [true, true, 'post', true]);
  const { $ } = page('https://www.tumblr.com/', '<button>Close</button>');
  assert.equal(adapterNamed('tumblr').findPostButton($('button')), null);
});

test('Blogger: the comment form', () => {
  const comment = read('blogger', 'https://www.blogger.com/comment/frame/1', `<form>
    <textarea aria-label="Enter Comment"></textarea><div role="button" aria-label="Publish">Publish</div></form>`,
  'textarea', '[role="button"]');
  assert.deepEqual([comment.isEditor, comment.button, comment.buttonInComposer, comment.surface], [true, true, true, 'comment']);
});

test('Mastodon: post, reply, private mention, attachments', () => {
  const form = (extra, visibility = 'Public') => `<form class="compose-form">${extra}
    <div class="autosuggest-textarea"><textarea class="autosuggest-textarea__textarea">hi</textarea></div>
    <div class="compose-form__dropdowns"><button title="Change post visibility">${visibility}</button></div>
    <div class="compose-form__submit"><button type="submit">Post</button></div></form>`;
  const post = read('mastodon', 'https://mastodon.social/home', form(''), 'textarea', 'button[type="submit"]');
  assert.deepEqual([post.button, post.buttonInComposer, post.surface, post.hasMedia], [true, true, 'post', false]);
  assert.equal(read('mastodon', 'https://mastodon.social/home', form('<div class="reply-indicator">them</div>'), 'textarea').surface, 'reply');
  assert.equal(read('mastodon', 'https://mastodon.social/home', form('', 'Private mention'), 'textarea').surface, 'message');
  assert.equal(read('mastodon', 'https://mastodon.social/home',
    form('<div class="compose-form__uploads"><div class="compose-form__upload"></div></div>'), 'textarea').hasMedia, true);
});

test('Generic: a news comment form posted by its submit button', () => {
  const result = read('generic', 'https://news.example.org/story', `<form id="comment-form" action="/comments">
    <textarea name="body"></textarea><button type="button">Preview</button><button type="submit">Send</button></form>`,
  'textarea', 'button[type="submit"]');
  assert.deepEqual([result.isEditor, result.button, result.buttonInComposer, result.surface], [true, true, true, 'comment']);
  const { $ } = page('https://news.example.org/', '<form><button type="button">Preview</button></form>');
  assert.equal(adapterNamed('generic').findPostButton($('button')), null);
});

test('Generic: a rich editor is watched at its outermost editable element', () => {
  const { $ } = page('https://forum.example.org/', `<div id="outer" contenteditable="true"><p>
    <span id="inner" contenteditable="true">nested</span></p></div><div role="button">Reply</div>`);
  const adapter = adapterNamed('generic');
  assert.equal(adapter.findEditor($('#inner').firstChild), $('#outer'));
  assert.equal(adapter.surface($('#outer'), adapter.composerRoot($('#outer'))), 'post');
  assert.equal(adapter.findPostButton($('[role="button"]')), $('[role="button"]'));
});
