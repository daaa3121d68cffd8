// Adapter per site id (or per kind of added site).
import x from './x.js';
import facebook from './facebook.js';
import instagram from './instagram.js';
import linkedin from './linkedin.js';
import youtube from './youtube.js';
import tumblr from './tumblr.js';
import blogger from './blogger.js';
import mastodon from './mastodon.js';
import generic from './generic.js';

const ADAPTERS = { x, facebook, instagram, linkedin, youtube, tumblr, blogger, mastodon, generic };

export function adapterNamed(name) {
  return ADAPTERS[name] || generic;
}
