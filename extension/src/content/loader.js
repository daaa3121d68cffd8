// Content scripts declared in a manifest cannot be ES modules; this classic
// script loads the module graph from the extension (web_accessible_resources)
// once per frame.
//
// It runs at document_start so that it can note the person's own input
// (trusted events) from the first moment: on a busy machine the modules can
// start after the person has already clicked into an editor and typed, and
// what they typed is then checked as theirs. Page scripts cannot make
// trusted events.
(() => {
  if (globalThis.__precheckLoaded) return;
  globalThis.__precheckLoaded = true;
  const personInput = { target: null };
  globalThis.__precheckPersonInput = personInput;
  const note = (event) => {
    if (event.isTrusted) personInput.target = event.composedPath ? event.composedPath()[0] : event.target;
  };
  for (const type of ['keydown', 'paste', 'drop', 'compositionend']) addEventListener(type, note, true);

  const api = globalThis.browser ?? globalThis.chrome;
  const load = () =>
    import(api.runtime.getURL('src/content/main.js'))
      .then((module) => module.start())
      .catch(() => {
        // Nothing to do: without the modules Precheck stays out of the way.
      });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', load, { once: true });
  else load();
})();
