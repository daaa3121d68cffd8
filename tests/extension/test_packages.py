"""`make extension`'s packages: dist/precheck-chrome-<version>.zip and
dist/precheck-firefox-<version>.xpi, the same bytes from the same tree, holding what the
browser loads and nothing else, each with the manifest its browser takes."""
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXTENSION = ROOT / "extension"

pytestmark = pytest.mark.skipif(shutil.which("npm") is None, reason="Node.js and npm are needed")


def package(dist: Path) -> dict[str, Path]:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package_extension.py"), "--dist", str(dist)],
                   check=True, timeout=600, capture_output=True)
    version = json.loads((EXTENSION / "manifest.json").read_text())["version"]
    return {"chrome": dist / f"precheck-chrome-{version}.zip", "firefox": dist / f"precheck-firefox-{version}.xpi"}


@pytest.fixture(scope="module")
def packages(tmp_path_factory):
    # the content script and the tools, as `make extension` has them
    subprocess.run(["make", "-s", "-C", str(ROOT), "extension"], check=True, timeout=600, capture_output=True)
    return package(tmp_path_factory.mktemp("dist"))


def test_two_builds_of_one_tree_are_the_same_bytes(packages, tmp_path):
    # files touched since (a checkout, a copy) do not change the packages
    later = time.time() + 3600
    for path in (EXTENSION / "manifest.json", EXTENSION / "src" / "options" / "options.js"):
        os.utime(path, (later, later))
    again = package(tmp_path / "again")
    for browser, path in packages.items():
        assert path.read_bytes() == again[browser].read_bytes(), browser


def test_the_packages_hold_what_the_browser_loads_and_no_tests_or_tools(packages):
    for browser, path in packages.items():
        names = zipfile.ZipFile(path).namelist()
        manifest = json.loads(zipfile.ZipFile(path).read("manifest.json"))
        assert not [n for n in names if n.startswith(("test/", "tools/")) or n.endswith(".md")], browser
        named = [manifest["background"]["service_worker"], manifest["options_ui"]["page"],
                 manifest["action"]["default_popup"], manifest["storage"]["managed_schema"],
                 *manifest["icons"].values(), *(js for cs in manifest["content_scripts"] for js in cs["js"])]
        assert [n for n in named if n not in names] == [], browser
    chrome = json.loads(zipfile.ZipFile(packages["chrome"]).read("manifest.json"))
    firefox = json.loads(zipfile.ZipFile(packages["firefox"]).read("manifest.json"))
    assert "browser_specific_settings" not in chrome and "scripts" not in chrome["background"]
    assert firefox["browser_specific_settings"]["gecko"]["id"] == "precheck@precheck.school"
    assert firefox["background"]["scripts"] == ["src/background/service-worker.js"]


def test_the_firefox_package_passes_web_ext_lint(packages, tmp_path):
    unpacked = tmp_path / "xpi"
    zipfile.ZipFile(packages["firefox"]).extractall(unpacked)
    run = subprocess.run(["npx", "--no-install", "web-ext", "lint", "--source-dir", str(unpacked), "--output", "json"],
                         cwd=EXTENSION / "tools", capture_output=True, text=True, timeout=300)
    assert json.loads(run.stdout)["errors"] == []
