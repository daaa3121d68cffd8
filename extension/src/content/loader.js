// Content scripts declared in a manifest cannot be ES modules; this classic
// script loads the module graph from the extension (web_accessible_resources)
// once per frame.
(() => {
  if (globalThis.__precheckLoaded) return;
  globalThis.__precheckLoaded = true;
  const api = globalThis.browser ?? globalThis.chrome;
  import(api.runtime.getURL('src/content/main.js'))
    .then((module) => module.start())
    .catch(() => {
      // Nothing to do: without the modules Precheck stays out of the way.
    });
})();
