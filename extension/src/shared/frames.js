// Precheck's own frames on a site's page (extension pages in iframes, the
// only web-accessible pages) and the name of the port each opens.

export const OVERLAY_PAGE = 'src/frame/overlay.html';
export const DIALOG_PAGE = 'src/frame/dialog.html';
export const PORT_PREFIX = 'precheck-frame:';
