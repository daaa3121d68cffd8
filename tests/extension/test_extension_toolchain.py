"""The extension's own checks, run as part of the one test command: its node:test
unit tests and Mozilla's `web-ext lint` (the Firefox add-on validator)."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parents[2] / "extension"
TOOLS = EXTENSION / "tools"

pytestmark = pytest.mark.skipif(shutil.which("npm") is None, reason="Node.js and npm are needed")


@pytest.fixture(scope="module")
def tools():
    """extension/tools/node_modules installed from its lock file, and the content script
    built from the sources (`make extension`, which runs `npm ci` when the lock is newer)."""
    subprocess.run(["make", "-s", "-C", str(EXTENSION.parent), "extension"], check=True, timeout=600)
    return TOOLS


def test_node_unit_tests_pass(tools):
    run = subprocess.run(["node", "--test"], cwd=EXTENSION, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    passed = int(re.search(r"^# pass (\d+)", run.stdout, re.M).group(1))
    failed = int(re.search(r"^# fail (\d+)", run.stdout, re.M).group(1))
    assert passed > 0 and failed == 0


def test_web_ext_lint_finds_no_errors_and_the_manifest_has_a_gecko_id(tools):
    run = subprocess.run(["npx", "--no-install", "web-ext", "lint", "--source-dir", str(EXTENSION),
                          "--output", "json"], cwd=tools, capture_output=True, text=True, timeout=300)
    report = json.loads(run.stdout)
    assert report["errors"] == [], report["errors"]
    manifest = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["manifest_version"] == 3
    assert manifest["browser_specific_settings"]["gecko"]["id"]


@pytest.mark.browser
@pytest.mark.skipif(shutil.which("firefox-esr") is None, reason="Debian's firefox-esr is needed (scripts/test.sh installs it)")
def test_the_extension_works_in_firefox(tools):
    """The unpacked extension in Debian's Firefox ESR on the compose pages, against the real service:
    options, warnings, highlights, the pause, Edit and Post anyway (extension/tools/firefox_smoke.py)."""
    run = subprocess.run([sys.executable, str(TOOLS / "firefox_smoke.py")], capture_output=True, text=True,
                         timeout=600)
    lines = run.stdout.splitlines()
    assert run.returncode == 0, "\n".join(lines[-40:]) + run.stderr[-3000:]
    assert not [line for line in lines if line.startswith("FAIL")]
    assert lines[0].startswith("ok") and "installs in Firefox" in lines[0]
    assert sum(line.startswith("ok") for line in lines) >= 40
