// What each page "published": tests assert that nothing, or exactly one text, was posted.
window.__posted = [];

export function publish(text) {
  window.__posted.push(text);
  document.querySelector('#feed')?.insertAdjacentHTML('afterbegin', '<article class="posted"></article>');
  const article = document.querySelector('#feed article');
  if (article) article.textContent = text;
}

// The editor's own model of the draft (not the DOM), so tests can compare it with what was typed.
export function exposeEditorText(read) {
  window.__editorText = read;
}

// How a script of the page itself writes into the draft, where the browser's
// insertText command will not do (tests/browser/probes.js, writeIntoEditor).
export function exposePageScriptWrite(write) {
  window.__pageScriptWrite = write;
}

export function isPostShortcut(event) {
  return event.key === 'Enter' && (event.ctrlKey || event.metaKey);
}

// A media picker: the chosen files are previewed as blob: images, the way the sites
// show an attachment in the composer before it is posted.
export function previewAttachments(input, container, wrap = (img) => img) {
  input.addEventListener('change', () => {
    for (const file of input.files) {
      const img = document.createElement('img');
      img.src = URL.createObjectURL(file);
      img.alt = '';
      img.height = 80;
      container.append(wrap(img));
    }
  });
}
