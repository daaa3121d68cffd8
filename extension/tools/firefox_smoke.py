"""Runs firefox-smoke.mjs: the unpacked extension in Debian's Firefox ESR on the
browser-test room's compose pages, against the real service.

    apt-get install firefox-esr
    .venv/bin/python extension/tools/firefox_smoke.py   # runs `make extension` first

It borrows the page server and the service starter of tests/browser/. The
extension is copied to a temporary folder with its Options page made
web-accessible, only because WebDriver BiDi cannot open moz-extension: pages
directly; everything else is the extension as shipped."""

from __future__ import annotations

import http.server
import json
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
EXTENSION = TOOLS.parent
ROOT = EXTENSION.parent
sys.path[:0] = [str(ROOT / "tests" / "browser"), str(ROOT)]

from dev_set_service import running_service  # noqa: E402
from site_server import SITES, SiteServer, build_pages, make_certificate  # noqa: E402

# Pages that post on Ctrl+Enter as well as on their button: Draft.js, Lexical, Quill,
# Quill inside LinkedIn's shadow root, Mastodon's textarea.
EDITORS = {("draftjs", "x.com"), ("lexical", "www.facebook.com"), ("quill", "www.linkedin.com"),
           ("quill-shadow", "www.linkedin.com"), ("textarea", "mastodon.social")}


# A news site's comment form, for the "Add a site" path and the generic adapter.
ADDED_HOST = "news.example.org"
COMMENT_PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local news</title></head>
<body style="font: 16px sans-serif; margin: 40px">
<h1>Library reopens</h1>
<form id="comment-form" action="/comments" method="post">
  <label for="comment">Your comment</label><br>
  <textarea id="comment" name="comment" rows="4" cols="60"></textarea><br>
  <button type="submit">Post comment</button>
</form>
<script>
  window.__posted = [];
  const form = document.getElementById('comment-form');
  const box = document.getElementById('comment');
  window.__editorText = () => box.value;
  form.addEventListener('submit', (event) => { event.preventDefault(); window.__posted.push(box.value); });
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); form.requestSubmit(); }
  });
</script>
</body></html>
"""


# Blogger's post editor: the body of an about:blank iframe is the editor, and
# "Publish" sits in the page around it.
BLOGGER_HOST = "www.blogger.com"
BLOGGER_PAGE = b"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Blogger: Edit post</title></head>
<body style="font: 16px sans-serif; margin: 40px">
<div role="button" tabindex="0" aria-label="Publish" id="publish"
     style="display:inline-block; padding:6px 14px; background:#f57c00; color:#fff">Publish</div>
<iframe class="editable" title="Post body" style="display:block; width:640px; height:240px; margin-top:12px"></iframe>
<script>
  window.__posted = [];
  const frame = document.querySelector('iframe.editable');
  const body = frame.contentDocument.body;
  body.contentEditable = 'true';
  body.style.font = '16px serif';
  window.__editorText = () => body.innerText.trimEnd();
  document.getElementById('publish').addEventListener('click', () => window.__posted.push(window.__editorText()));
</script>
</body></html>
"""
PAGES_BY_HOST = {ADDED_HOST: COMMENT_PAGE, BLOGGER_HOST: BLOGGER_PAGE}


class ExtraPageServer:
    """The comment form and the Blogger editor over HTTPS on loopback (Firefox
    resolves every host here), chosen by the Host header."""

    def __init__(self, cert: Path, key: Path):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                page = PAGES_BY_HOST.get((self.headers.get("Host") or "").split(":")[0])
                self.send_response(200 if page else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(page or b"")

            def log_message(self, format, *args):
                pass

        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self._httpd.socket = context.wrap_socket(self._httpd.socket, server_side=True,
                                                 do_handshake_on_connect=False)
        self.port = self._httpd.server_address[1]
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


# Made web-accessible in the copy alone, for Options to open (see above).
OPENED_FOR_THE_RUN = ["src/options/*", "src/shared/*"]


def extension_copy(directory: Path) -> Path:
    copy = directory / "extension"
    shutil.copytree(EXTENSION, copy, ignore=shutil.ignore_patterns("tools", "test", "node_modules"))
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["web_accessible_resources"].append({"resources": OPENED_FOR_THE_RUN, "matches": ["https://*/*"]})
    (copy / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return copy


def files_to_probe(copy: Path) -> list[str]:
    """The copy's files a page must not fetch, but those the copy opened for the run."""
    files = (str(path.relative_to(copy)) for path in copy.rglob("*") if path.is_file())
    return sorted(file for file in files if not any(Path(file).match(pattern) for pattern in OPENED_FOR_THE_RUN))


def main() -> int:
    build_pages()
    subprocess.run(["make", "-s", "-C", str(ROOT), "extension"], check=True, timeout=600)
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        cert, key = make_certificate(work)
        sites = [{"host": site.host, "path": site.path, "editor": site.editor_selector,
                  "post": site.post_selector} for site in SITES if (site.editor, site.host) in EDITORS]
        extra = ExtraPageServer(cert, key)
        try:
            with SiteServer(cert, key) as pages, running_service() as service:
                copy = extension_copy(work)
                config = {
                    "extension": str(copy),
                    "probedFiles": files_to_probe(copy),
                    "framePages": [page for entry in json.loads((EXTENSION / "manifest.json").read_text(
                        encoding="utf-8"))["web_accessible_resources"] for page in entry["resources"]],
                    "server": service.url,
                    "token": service.staff_token("firefox smoke"),
                    "sitePort": pages.port,
                    "sites": sites,
                    "addedSite": {"host": ADDED_HOST, "port": extra.port,
                                  "editor": "#comment", "post": "#comment-form button"},
                    "extraPages": [{"host": BLOGGER_HOST, "port": extra.port, "frame": "iframe.editable",
                                    "editor": "body", "post": "#publish", "ctrlEnter": False}],
                }
                return subprocess.run(["node", str(TOOLS / "firefox-smoke.mjs"), json.dumps(config)],
                                      timeout=300).returncode
        finally:
            extra.close()


if __name__ == "__main__":
    sys.exit(main())
