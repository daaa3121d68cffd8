"""An HTTPS server that plays the social sites: it answers on the real sites' host
names (Chromium maps them to loopback with --host-resolver-rules) with the local
compose pages built in pages/dist/, so the extension's content-script match
patterns are exercised exactly as shipped."""

from __future__ import annotations

import http.server
import ssl
import subprocess
import threading
from dataclasses import dataclass
from functools import partial
from pathlib import Path

PAGES = Path(__file__).parent / "pages"
PAGES_DIST = PAGES / "dist"


@dataclass(frozen=True)
class Site:
    """One site the extension knows, played by one local page hosting a real editor."""

    host: str
    page: str  # pages/src/<page>.html
    editor: str  # the editor library, for test ids
    editor_selector: str  # the compose box, as on the real site
    post_selector: str  # the site's Post/Reply/Send button
    added_as: str | None = None  # None: on by default; else the kind of site chosen in Options
    path: str = "/"  # where on the host the page is (a second page of one site has its own)

    @property
    def url(self) -> str:
        return f"https://{self.host}{self.path}"


SITES = [
    Site("x.com", "x-draftjs", "draftjs",
         '[data-testid="tweetTextarea_0"]', '[data-testid="tweetButtonInline"]'),
    Site("www.facebook.com", "facebook-lexical", "lexical",
         'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
         'div[role="button"][aria-label="Post"]'),
    Site("www.linkedin.com", "linkedin-quill", "quill",
         ".share-creation-state__text-editor .ql-editor", ".share-actions__primary-action"),
    # The same share box inside the open shadow root of #interop-outlet, as on the real feed.
    Site("www.linkedin.com", "linkedin-shadow-quill", "quill-shadow",
         ".share-creation-state__text-editor .ql-editor", ".share-actions__primary-action",
         path="/feed/"),
    Site("www.tumblr.com", "tumblr-prosemirror", "prosemirror",
         ".block-editor-rich-text__editable", ".post-form--save-button"),
    Site("www.instagram.com", "instagram-textarea", "textarea",
         'textarea[aria-label^="Add a comment"]', '.comment-form [role="button"]'),
    Site("www.youtube.com", "youtube-contenteditable", "contenteditable",
         "#contenteditable-root", "#submit-button button"),
    Site("mastodon.social", "mastodon-textarea", "textarea",
         "textarea.autosuggest-textarea__textarea", ".compose-form__publish-button-wrapper button"),
    # A site the extension does not know: the user adds it in Options (generic adapter).
    Site("news.example.org", "news-comments", "textarea-form",
         "#commentform textarea#comment", '#commentform input[type="submit"]',
         added_as="Other site (text boxes and comment forms)"),
]
SITE_BY_HOST = {site.host: site for site in SITES if site.path == "/"}
HOSTS = sorted({site.host for site in SITES})


def site_for(host: str, path: str) -> Site | None:
    """The page a host serves at a path: the one whose path it starts with, else the
    host's page at "/" (single-page sites answer every path)."""
    for site in SITES:
        if site.host == host and site.path != "/" and path.startswith(site.path):
            return site
    return SITE_BY_HOST.get(host)


def _newest_mtime(paths) -> float:
    return max((p.stat().st_mtime for p in paths if p.is_file()), default=0.0)


def build_pages() -> None:
    """npm ci and the esbuild bundle into pages/dist/, redone only when the sources changed."""
    lock = PAGES / "package-lock.json"
    installed = PAGES / "node_modules" / ".package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PAGES, check=True)
    sources = [*(PAGES / "src").iterdir(), PAGES / "build.mjs", lock]
    if _newest_mtime(PAGES_DIST.glob("*")) < _newest_mtime(sources):
        subprocess.run(["node", "build.mjs"], cwd=PAGES, check=True)


def make_certificate(directory: Path) -> tuple[Path, Path]:
    """A throw-away self-signed certificate for the test hosts (Chromium is told to
    ignore certificate errors, but a certificate naming the hosts keeps it honest)."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    names = ",".join(f"DNS:{host}" for host in HOSTS)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=precheck-browser-tests", "-addext", f"subjectAltName={names}",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a host's page at "/" (and any path without a file, as single-page
    sites do) and the bundles from pages/dist/."""

    def send_head(self):
        host = (self.headers.get("Host") or "").split(":")[0]
        path = self.path.split("?")[0]
        site = site_for(host, path)
        name = path.lstrip("/")
        if site and not (name and (PAGES_DIST / name).is_file()):
            self.path = f"/{site.page}.html"
        return super().send_head()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # keep test output quiet
        pass


class SiteServer:
    """The HTTPS server on 127.0.0.1 in a background thread."""

    def __init__(self, cert: Path, key: Path):
        handler = partial(_SiteHandler, directory=str(PAGES_DIST))
        self._httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self._httpd.socket = context.wrap_socket(
            self._httpd.socket, server_side=True, do_handshake_on_connect=False)  # handshake in the handler thread
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def __enter__(self) -> "SiteServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def host_resolver_rules(self) -> str:
        """Chromium's --host-resolver-rules sending every test host to this server."""
        rules = [f"MAP {host} 127.0.0.1:{self.port}" for host in HOSTS]
        return ", ".join(rules + ["EXCLUDE localhost"])
