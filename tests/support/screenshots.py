"""Where browser tests save screenshots: tests/output/screenshots/ (ignored by git), so a test run
leaves the working tree clean; `make screenshots` points PRECHECK_SCREENSHOTS_DIR at docs/screenshots
to refresh the README's."""
import os
from pathlib import Path

SCREENSHOTS = Path(os.environ.get("PRECHECK_SCREENSHOTS_DIR")
                   or Path(__file__).resolve().parents[1] / "output" / "screenshots")
