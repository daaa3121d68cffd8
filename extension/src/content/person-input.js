// Where the person's own input last went: noted from the page's first moment
// (document_start), before the rest of Precheck starts. Only trusted events
// count; page scripts cannot make them.

let target = null;

const note = (event) => {
  if (event.isTrusted) target = event.composedPath ? event.composedPath()[0] : event.target;
};

export function notePersonInput() {
  for (const type of ['keydown', 'paste', 'drop', 'compositionend']) addEventListener(type, note, true);
}

/** The element the person last typed, pasted or dropped into, if any. */
export function lastPersonInputTarget() {
  return target;
}
