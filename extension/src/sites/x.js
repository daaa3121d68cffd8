// X (x.com, formerly twitter.com). The composer is Draft.js.
import { buttonLabel, defineAdapter } from './common.js';

export default defineAdapter({
  id: 'x',
  editorSelector: [
    // The Draft.js editable div (`.public-DraftEditor-content`) of the post
    // composer; one per post of a thread: tweetTextarea_0, _1, ...
    '[data-testid^="tweetTextarea_"][contenteditable="true"]',
    // The direct-message box at the foot of a conversation.
    '[data-testid="dmComposerTextInput"]',
  ].join(', '),
  postButtonSelector: [
    // "Post"/"Reply" in the modal composer (also "Post all" for a thread).
    '[data-testid="tweetButton"]',
    // "Post" in the home timeline composer and "Reply" under a post.
    '[data-testid="tweetButtonInline"]',
    // The paper plane of a direct message.
    '[data-testid="dmComposerSendButton"]',
  ].join(', '),

  surface(editor, root, button) {
    if (editor.matches('[data-testid="dmComposerTextInput"]')) return 'message';
    if (/^\/(messages|i\/chat)(\/|$)/.test(location.pathname)) return 'message';
    const postButton = button || root.querySelector('[data-testid^="tweetButton"]');
    if (postButton && /^reply$/i.test(buttonLabel(postButton))) return 'reply';
    const dialog = editor.closest('[role="dialog"]');
    // A reply composer shows the post it answers above the box.
    if (dialog && dialog.querySelector('article[data-testid="tweet"]')) return 'reply';
    if (!dialog && /\/status\/\d+/.test(location.pathname)) return 'reply';
    return 'post';
  },

  hasMedia(editor, root) {
    // The strip of attached photos, GIFs and videos under the text.
    return Boolean(root.querySelector('[data-testid="attachments"] img, [data-testid="attachments"] video'));
  },

  // In direct messages Enter sends; in the post composer it starts a new line.
  sendsOnEnter: (editor) => editor.matches('[data-testid="dmComposerTextInput"]'),
});
