// Styles of what Precheck draws. They live inside its shadow roots, so the
// page's CSS cannot reach them and they cannot reach the page.

const BASE = `
  :host { all: initial; }
  * { box-sizing: border-box; }
  button { font: inherit; cursor: pointer; }
  button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
  .words { font-weight: 600; }
  .badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 11px;
           font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
  [data-severity="high"] .badge { background: #fbe4e4; color: #a4161a; }
  [data-severity="medium"] .badge { background: #fdecd8; color: #8a3b00; }
  [data-severity="low"] .badge { background: #e3ecfa; color: #1a4b8c; }
  .clause, .category { color: #4a4a4a; }
  .message { margin: 2px 0 0; }
  .suggestion { margin: 2px 0 0; color: #2b5d2b; }
`;

export const OVERLAY_CSS = `${BASE}
  .precheck-highlight { position: fixed; pointer-events: none; border-bottom: 2px solid;
                        border-radius: 2px; }
  .precheck-highlight[data-severity="high"] { background: rgba(196, 30, 30, .14); border-color: #c41e1e; }
  .precheck-highlight[data-severity="medium"] { background: rgba(214, 100, 0, .14); border-color: #d66400; }
  .precheck-highlight[data-severity="low"] { background: rgba(26, 95, 180, .10); border-color: #1a5fb4; }
  .precheck-panel { position: fixed; pointer-events: auto; width: 320px; max-height: 45vh;
                    overflow: auto; background: #fff; color: #1b1b1b; border: 1px solid #c8c8c8;
                    border-radius: 8px; box-shadow: 0 4px 16px rgba(0, 0, 0, .16);
                    font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; padding: 8px 10px; }
  .precheck-panel.empty { clip-path: inset(50%); width: 1px; height: 1px; padding: 0; border: 0;
                          overflow: hidden; box-shadow: none; }
  .precheck-panel[hidden] { display: none; }
  header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
  .title { font-weight: 700; }
  .toggle { background: none; border: 1px solid #c8c8c8; border-radius: 4px; padding: 1px 8px; color: #1b1b1b; }
  .summary { margin: 4px 0; }
  ul { list-style: none; margin: 0; padding: 0; }
  .precheck-finding { padding: 6px 0; border-top: 1px solid #eee; }
  .precheck-note { margin: 6px 0 0; padding-top: 6px; border-top: 1px solid #eee; color: #333; font-style: italic; }
  .precheck-notice { margin: 2px 0; color: #555; }
  .collapsed ul, .collapsed .precheck-note { clip-path: inset(50%); height: 1px; overflow: hidden; position: absolute; }
`;

export const DIALOG_CSS = `${BASE}
  .backdrop { position: fixed; inset: 0; background: rgba(0, 0, 0, .45); z-index: 2147483647;
              display: flex; align-items: center; justify-content: center;
              font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
  [role="alertdialog"] { background: #fff; color: #1b1b1b; border-radius: 10px; max-width: min(560px, 92vw);
                         max-height: 85vh; overflow: auto; padding: 20px 22px;
                         box-shadow: 0 10px 40px rgba(0, 0, 0, .35); }
  h2 { font-size: 18px; margin: 0 0 8px; }
  ul { list-style: none; margin: 8px 0; padding: 0; }
  li { padding: 8px 0; border-top: 1px solid #eee; }
  .note { font-style: italic; color: #333; }
  .actions { display: flex; gap: 10px; justify-content: flex-end; margin-top: 14px; }
  .actions button { border-radius: 6px; padding: 7px 16px; border: 1px solid #8a8a8a; background: #fff; color: #1b1b1b; }
  .actions .edit { background: #1a5fb4; border-color: #1a5fb4; color: #fff; font-weight: 600; }
`;
