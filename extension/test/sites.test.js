import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostFromInput, siteForHost } from '../src/shared/sites.js';
import { normaliseServerUrl, originPattern, siteChoice } from '../src/shared/settings.js';

test('built-in sites are found by host and subdomain, not by look-alikes', () => {
  assert.equal(siteForHost('x.com').id, 'x');
  assert.equal(siteForHost('mobile.twitter.com').id, 'x');
  assert.equal(siteForHost('www.facebook.com').id, 'facebook');
  assert.equal(siteForHost('myblog.blogspot.com').id, 'blogger');
  assert.equal(siteForHost('notx.com'), null);
  assert.equal(siteForHost('facebook.com.evil.example'), null);
});

test('mastodon.social comes ready, served by the Mastodon adapter', () => {
  assert.equal(siteForHost('mastodon.social').adapter, 'mastodon');
  assert.equal(siteForHost('x.com').adapter, 'x');
});

test('an added site is found by its exact host and uses its kind of adapter', () => {
  const added = [{ host: 'mastodon.scot', kind: 'mastodon' }, { host: 'news.example.co.uk', kind: 'generic' }];
  assert.deepEqual(siteForHost('mastodon.scot', added), {
    id: 'added:mastodon.scot', name: 'mastodon.scot', adapter: 'mastodon',
  });
  assert.equal(siteForHost('news.example.co.uk', added).adapter, 'generic');
  assert.equal(siteForHost('other.mastodon.scot', added), null);
});

test('a site typed by hand is read as a host name', () => {
  assert.equal(hostFromInput('mastodon.social'), 'mastodon.social');
  assert.equal(hostFromInput(' https://Mastodon.Social/@me '), 'mastodon.social');
  assert.equal(hostFromInput('not a site'), null);
  assert.equal(hostFromInput('localhost'), null);
  assert.equal(hostFromInput('javascript:alert(1)'), null);
});

test('the server URL is an http(s) base without a trailing slash', () => {
  assert.equal(normaliseServerUrl('https://precheck.school.example/'), 'https://precheck.school.example');
  assert.equal(normaliseServerUrl('http://127.0.0.1:8000'), 'http://127.0.0.1:8000');
  assert.equal(normaliseServerUrl('https://school.example/precheck/'), 'https://school.example/precheck');
  assert.equal(normaliseServerUrl('precheck.school.example'), null);
  assert.equal(normaliseServerUrl('ftp://school.example'), null);
  assert.equal(originPattern('http://127.0.0.1:8000'), 'http://127.0.0.1/*');
});

test('sites are on with a personal account until the user says otherwise', () => {
  const settings = { sites: { x: { enabled: false }, facebook: { account: 'school' } } };
  assert.deepEqual(siteChoice(settings, 'x'), { enabled: false, account: 'personal' });
  assert.deepEqual(siteChoice(settings, 'facebook'), { enabled: true, account: 'school' });
  assert.deepEqual(siteChoice(settings, 'linkedin'), { enabled: true, account: 'personal' });
  assert.deepEqual(siteChoice({ sites: { x: { account: 'other' } } }, 'x'), { enabled: true, account: 'personal' });
});
