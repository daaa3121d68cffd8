"""Measures what a member of staff feels of the extension, on the same local pages and
real service as the browser tests, and prints the figures (it asserts nothing):

- warning latency: from the last keystroke of a draft naming a pupil to the warning
  naming them in the panel on screen (median and spread over several drafts, per editor);
- added time per keystroke: from each keydown to the frame after it, with and without
  the extension loaded (median and p95 over many keystrokes, per editor).

Run: .venv/bin/python tests/browser/measure_latency.py [--runs 7] [--keys 120]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from playwright.sync_api import sync_playwright  # noqa: E402

import extension_browser  # noqa: E402
import precheck_ui as ui  # noqa: E402
from dev_set_service import running_service  # noqa: E402
from site_server import SITES, SiteServer, build_pages, make_certificate  # noqa: E402

# Installed before the page's own scripts: notes each keydown's time, and the first
# animation frame at which the panel names the expected words.
TIMING_HOOKS = """
window.__keyTimes = [];
window.__keyDelays = [];
window.addEventListener('keydown', (event) => {
  const start = event.timeStamp;
  window.__keyTimes.push(start);
  requestAnimationFrame(() => setTimeout(() => window.__keyDelays.push(performance.now() - start)));
}, true);
window.__watchFor = (words) => new Promise((resolve) => {
  const look = () => {
    const overlay = document.querySelector('[data-precheck="overlay"]');
    const status = overlay && overlay.shadowRoot && overlay.shadowRoot.querySelector('[role="status"]');
    if (status && status.textContent.includes(words)) resolve(performance.now());
    else requestAnimationFrame(look);
  };
  look();
});
"""

FILLER = "the quick brown fox jumps over the lazy dog while we wait for the bus "


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def warning_latencies(context, site, pupils, runs: int) -> list[float]:
    latencies = []
    for run in range(runs):
        pupil = pupils[zlib.crc32(f"{site.host} {run}".encode()) % len(pupils)]
        page = context.new_page()
        page.goto(f"https://{site.host}/")
        page.locator(site.editor_selector).click()
        page.evaluate("words => { window.__found = window.__watchFor(words); }", pupil.full_name)
        page.keyboard.type(f"So proud of {pupil.full_name} in assembly today, what a star!", delay=20)
        shown_at = page.evaluate("() => window.__found")
        last_key = page.evaluate("() => window.__keyTimes[window.__keyTimes.length - 1]")
        latencies.append(shown_at - last_key)
        page.close()
    return latencies


def keystroke_delays(context, site, keys: int) -> list[float]:
    page = context.new_page()
    page.goto(f"https://{site.host}/")
    page.locator(site.editor_selector).click()
    page.keyboard.type((FILLER * (keys // len(FILLER) + 1))[:keys], delay=40)
    page.wait_for_timeout(300)
    delays = page.evaluate("() => window.__keyDelays")
    page.close()
    return delays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="drafts per editor for the warning latency")
    parser.add_argument("--keys", type=int, default=120, help="keystrokes per editor for the typing delay")
    args = parser.parse_args()

    build_pages()
    sites = [site for site in SITES if site.on_by_default]
    pupils = ui.dev_set_pupils()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        workdir = Path(tmp)
        cert, key = make_certificate(workdir)
        with SiteServer(cert, key) as server, running_service() as service:
            token = service.staff_token("latency measurement")
            rules = server.host_resolver_rules()

            plain = extension_browser.launch_with_extension(playwright, workdir / "plain", rules, extension=False)
            plain.add_init_script(TIMING_HOOKS)
            without = {site.host: keystroke_delays(plain, site, args.keys) for site in sites}
            plain.close()

            context = extension_browser.launch_with_extension(playwright, workdir / "profile", rules)
            context.add_init_script(TIMING_HOOKS)
            extension_browser.configure_extension(context, extension_browser.extension_id(context), service.url, token)
            with_ext = {site.host: keystroke_delays(context, site, args.keys) for site in sites}
            latency = {site.host: warning_latencies(context, site, pupils, args.runs) for site in sites}
            context.close()

    print(f"Warning latency: last keystroke -> warning on screen ({args.runs} drafts per editor; "
          "includes the extension's pause after typing)")
    print(f"{'editor':<28}{'median ms':>10}{'min ms':>9}{'max ms':>9}")
    for site in sites:
        values = latency[site.host]
        print(f"{site.editor + ' @ ' + site.host:<28}{statistics.median(values):>10.0f}"
              f"{min(values):>9.0f}{max(values):>9.0f}")
    everything = [v for values in latency.values() for v in values]
    print(f"{'all editors':<28}{statistics.median(everything):>10.0f}{min(everything):>9.0f}{max(everything):>9.0f}")

    print()
    print(f"Keystroke to next frame ({args.keys} keystrokes per editor), without vs with the extension")
    print(f"{'editor':<28}{'without p50':>12}{'with p50':>10}{'added p50':>11}{'without p95':>13}{'with p95':>10}")
    for site in sites:
        a, b = without[site.host], with_ext[site.host]
        print(f"{site.editor + ' @ ' + site.host:<28}{statistics.median(a):>12.2f}{statistics.median(b):>10.2f}"
              f"{statistics.median(b) - statistics.median(a):>11.2f}{percentile(a, 0.95):>13.2f}{percentile(b, 0.95):>10.2f}")
    all_a = [v for values in without.values() for v in values]
    all_b = [v for values in with_ext.values() for v in values]
    print(f"{'all editors':<28}{statistics.median(all_a):>12.2f}{statistics.median(all_b):>10.2f}"
          f"{statistics.median(all_b) - statistics.median(all_a):>11.2f}{percentile(all_a, 0.95):>13.2f}"
          f"{percentile(all_b, 0.95):>10.2f}")


if __name__ == "__main__":
    main()
