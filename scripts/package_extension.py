"""`make extension`: the extension as packages for deployment, the same bytes from the same tree.

    dist/precheck-chrome-<version>.zip    Chrome Web Store / Google Admin upload, or `chromium --pack-extension`
    dist/precheck-firefox-<version>.xpi   for AMO signing (`web-ext sign --channel unlisted`), then policies.json

Each is built by web-ext (pinned in extension/tools/package-lock.json), which checks the
manifest and leaves out what is not shipped, from a copy of the shipped files; the Chrome copy's
manifest drops the Firefox-only keys. web-ext's zip takes the time of the build and the order
the disk answers in, so the archive is then rewritten with its entries sorted, one fixed date
and fixed permissions: two builds of one tree are byte for byte the same (tests/extension).
Optional update URLs for self-hosting (docs/deploy.md): PRECHECK_CHROME_UPDATE_URL,
PRECHECK_FIREFOX_UPDATE_URL.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTENSION = ROOT / "extension"
WEB_EXT = EXTENSION / "tools" / "node_modules" / ".bin" / "web-ext"
# What the browser loads; tests, dev tooling and notes stay out.
SHIPPED = ("manifest.json", "managed-schema.json", "icons", "src", "build")
FIXED_DATE = (2000, 1, 1, 0, 0, 0)


def _manifest_for(browser: str, manifest: dict) -> dict:
    manifest = json.loads(json.dumps(manifest))
    if browser == "chrome":
        manifest.pop("browser_specific_settings", None)
        manifest["background"].pop("scripts", None)
        if os.environ.get("PRECHECK_CHROME_UPDATE_URL"):
            manifest["update_url"] = os.environ["PRECHECK_CHROME_UPDATE_URL"]
    elif os.environ.get("PRECHECK_FIREFOX_UPDATE_URL"):
        manifest["browser_specific_settings"]["gecko"]["update_url"] = os.environ["PRECHECK_FIREFOX_UPDATE_URL"]
    return manifest


def _stage(browser: str, into: Path) -> None:
    for name in SHIPPED:
        source = EXTENSION / name
        if source.is_dir():
            shutil.copytree(source, into / name)
        else:
            shutil.copy2(source, into / name)
    manifest = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))
    (into / "manifest.json").write_text(json.dumps(_manifest_for(browser, manifest), indent=2) + "\n",
                                        encoding="utf-8")


def _normalised(built: Path, out: Path) -> None:
    with zipfile.ZipFile(built) as source:
        entries = sorted((info.filename, source.read(info)) for info in source.infolist() if not info.is_dir())
    tmp = out.with_suffix(out.suffix + ".part")
    with zipfile.ZipFile(tmp, "w") as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds it
            target.writestr(info, data, compresslevel=9)
    tmp.replace(out)


def _inputs_digest() -> str:
    """What the packages are made of (and how): unchanged, they need no rebuilding."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for name in SHIPPED:
        source = EXTENSION / name
        for path in sorted([source] if source.is_file() else (p for p in source.rglob("*") if p.is_file())):
            digest.update(str(path.relative_to(EXTENSION)).encode() + b"\0" + path.read_bytes())
    for variable in ("PRECHECK_CHROME_UPDATE_URL", "PRECHECK_FIREFOX_UPDATE_URL"):
        digest.update(os.environ.get(variable, "").encode() + b"\0")
    return digest.hexdigest()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the packages go (default: dist/)")
    args = parser.parse_args(argv)
    if not (EXTENSION / "build" / "content-script.js").exists():
        print("package_extension: build the content script first (make extension)", file=sys.stderr)
        return 1
    version = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))["version"]
    dist = args.dist
    dist.mkdir(parents=True, exist_ok=True)
    packages = (("chrome", f"precheck-chrome-{version}.zip"), ("firefox", f"precheck-firefox-{version}.xpi"))
    # The browser tests run `make extension` each time: a tree already packaged is not packaged again.
    stamp, inputs = dist / ".inputs-sha256", _inputs_digest()
    if all((dist / f).exists() for _, f in packages) and stamp.exists() and stamp.read_text() == inputs:
        return 0
    for browser, filename in packages:
        with tempfile.TemporaryDirectory(prefix="precheck-package-") as tmp:
            stage, artifacts = Path(tmp) / "extension", Path(tmp) / "artifacts"
            stage.mkdir()
            _stage(browser, stage)
            subprocess.run([str(WEB_EXT), "build", "--source-dir", str(stage), "--artifacts-dir", str(artifacts),
                            "--filename", "built.zip", "--overwrite-dest", "--no-input", "--no-config-discovery"],
                           check=True, stdout=subprocess.DEVNULL)
            _normalised(artifacts / "built.zip", dist / filename)
        print(dist / filename)
    stamp.write_text(inputs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
