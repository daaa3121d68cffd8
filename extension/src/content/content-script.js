// The content script's entry. `make extension` builds it, with every module it
// imports, into one classic script (build/content-script.js): content scripts
// cannot be ES modules, and importing the modules from the page instead would
// make them web-accessible at fixed URLs, by which any page could tell that its
// visitor has Precheck, that is, works at a school.
//
// It runs at document_start so that it can note the person's own input from
// the first moment: on a busy machine Precheck can start after the person has
// already clicked into an editor and typed, and what they typed is then
// checked as theirs. The rest starts once the DOM is parsed.
import { notePersonInput } from './person-input.js';
import { start } from './main.js';

// The popup and an added site's registration may both inject it into a page.
if (!globalThis.__precheckLoaded) {
  globalThis.__precheckLoaded = true;
  notePersonInput();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
