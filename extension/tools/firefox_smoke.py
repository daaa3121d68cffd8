"""Runs firefox-smoke.mjs: the unpacked extension in Debian's Firefox ESR on the
browser-test room's compose pages, against the real service.

    apt-get install firefox-esr
    (cd extension/tools && PUPPETEER_SKIP_DOWNLOAD=1 npm ci)
    .venv/bin/python extension/tools/firefox_smoke.py

It borrows the page server and the service starter of tests/browser/. The
extension is copied to a temporary folder with its Options page made
web-accessible, only because WebDriver BiDi cannot open moz-extension: pages
directly; everything else is the extension as shipped."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
EXTENSION = TOOLS.parent
ROOT = EXTENSION.parent
sys.path[:0] = [str(ROOT / "tests" / "browser"), str(ROOT)]

from dev_set_service import running_service  # noqa: E402
from site_server import SITE_BY_HOST, SiteServer, build_pages, make_certificate  # noqa: E402

# Sites whose pages post on Ctrl+Enter as well as on their button.
HOSTS = ["x.com", "www.facebook.com", "www.linkedin.com", "mastodon.social"]


def extension_copy(directory: Path) -> Path:
    copy = directory / "extension"
    shutil.copytree(EXTENSION, copy, ignore=shutil.ignore_patterns("tools", "test", "node_modules"))
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["web_accessible_resources"].append(
        {"resources": ["src/options/*", "src/shared/*"], "matches": ["https://*/*"]})
    (copy / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return copy


def main() -> int:
    build_pages()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        cert, key = make_certificate(work)
        sites = [{"host": host, "editor": SITE_BY_HOST[host].editor_selector,
                  "post": SITE_BY_HOST[host].post_selector} for host in HOSTS]
        with SiteServer(cert, key) as pages, running_service() as service:
            token = service.staff_token("firefox smoke")
            return subprocess.run(
                ["node", str(TOOLS / "firefox-smoke.mjs"), str(extension_copy(work)), service.url, token,
                 str(pages.port), json.dumps(sites)],
                timeout=300,
            ).returncode


if __name__ == "__main__":
    sys.exit(main())
