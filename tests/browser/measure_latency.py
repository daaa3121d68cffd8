"""Measures what a member of staff feels of the extension, on the same local pages and
real service as the browser tests, and prints the figures (it asserts nothing):

- warning latency: from the last keystroke of a draft naming a pupil to the warning
  naming them in the panel on screen (median and spread over several drafts, per editor);
- added time per keystroke, with and without the extension loaded: the main-thread time
  of all handlers of each keystroke's events (mean per keystroke), and the time from
  each keydown to the frame after it (median and p95), per editor.

Run: .venv/bin/python tests/browser/measure_latency.py [--runs 7] [--keys 120]
"""

from __future__ import annotations

import argparse
import re
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
window.__handlerTimes = [];
// Time spent in the handlers of each key event below the window (the editor's, the
// page's and the extension's listeners on the document and the editor): from this
// capture listener, the first to run, to this bubble listener, the first window
// listener of the way back up.
const started = new WeakMap();
for (const kind of ['keydown', 'keypress', 'beforeinput', 'input', 'keyup']) {
  window.addEventListener(kind, (event) => started.set(event, performance.now()), true);
  window.addEventListener(kind, (event) => {
    window.__handlerTimes.push(performance.now() - started.get(event));
  });
}
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

SCHEDULER = Path(__file__).resolve().parents[2] / "extension" / "src" / "content" / "scheduler.js"
FILLER = "the quick brown fox jumps over the lazy dog while we wait for the bus "


def extension_pause_ms() -> int | None:
    """The extension's own pause after the last keystroke before it checks."""
    found = re.search(r"DEFAULT_DELAY_MS\s*=\s*(\d+)", SCHEDULER.read_text(encoding="utf-8"))
    return int(found.group(1)) if found else None


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def warning_latencies(context, site, pupils, runs: int) -> list[float]:
    latencies = []
    for run in range(runs):
        pupil = pupils[zlib.crc32(f"{site.host} {run}".encode()) % len(pupils)]
        page = context.new_page()
        page.goto(site.url)
        page.locator(site.editor_selector).click()
        page.evaluate("words => { window.__found = window.__watchFor(words); }", pupil.full_name)
        page.keyboard.type(f"So proud of {pupil.full_name} in assembly today, what a star!", delay=20)
        shown_at = page.evaluate("() => window.__found")
        last_key = page.evaluate("() => window.__keyTimes[window.__keyTimes.length - 1]")
        latencies.append(shown_at - last_key)
        page.close()
    return latencies


def keystroke_costs(context, site, keys: int) -> tuple[list[float], list[float]]:
    """Per keystroke: keydown to the frame after it, and the time all handlers of its
    events (keydown, beforeinput, input, keyup) took on the main thread."""
    page = context.new_page()
    page.goto(site.url)
    page.locator(site.editor_selector).click()
    page.evaluate("() => { window.__keyDelays.length = 0; window.__handlerTimes.length = 0; }")
    page.keyboard.type((FILLER * (keys // len(FILLER) + 1))[:keys], delay=40)
    page.wait_for_timeout(300)
    delays = page.evaluate("() => window.__keyDelays")
    handler_total = page.evaluate("() => window.__handlerTimes.reduce((sum, ms) => sum + ms, 0)")
    page.close()
    return delays, [handler_total / keys]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="drafts per editor for the warning latency")
    parser.add_argument("--keys", type=int, default=120, help="keystrokes per editor for the typing delay")
    args = parser.parse_args()

    build_pages()
    sites = [site for site in SITES if not site.added_as]
    pupils = ui.dev_set_pupils()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        workdir = Path(tmp)
        cert, key = make_certificate(workdir)
        with SiteServer(cert, key) as server, running_service() as service:
            token = service.staff_token("latency measurement")
            rules = server.host_resolver_rules()

            plain = extension_browser.launch_with_extension(playwright, workdir / "plain", rules, extension=False)
            plain.add_init_script(TIMING_HOOKS)
            without = {site.host: keystroke_costs(plain, site, args.keys) for site in sites}
            plain.close()

            context = extension_browser.launch_with_extension(playwright, workdir / "profile", rules)
            context.add_init_script(TIMING_HOOKS)
            extension_id = extension_browser.extension_id(context)
            first_run = extension_browser.wait_for_options_tab(context, extension_id)
            if first_run:
                first_run.close()
            extension_browser.configure_extension(context, extension_id, service.url, token)
            with_ext = {site.host: keystroke_costs(context, site, args.keys) for site in sites}
            latency = {site.host: warning_latencies(context, site, pupils, args.runs) for site in sites}
            context.close()

    print(f"Warning latency: last keystroke -> warning on screen ({args.runs} drafts per editor; "
          "includes the extension's pause after typing)")
    print(f"{'editor':<34}{'median ms':>10}{'min ms':>9}{'max ms':>9}")
    for site in sites:
        values = latency[site.host]
        print(f"{site.editor + ' @ ' + site.host:<34}{statistics.median(values):>10.0f}"
              f"{min(values):>9.0f}{max(values):>9.0f}")
    everything = [v for values in latency.values() for v in values]
    print(f"{'all editors':<34}{statistics.median(everything):>10.0f}{min(everything):>9.0f}{max(everything):>9.0f}")
    pause = extension_pause_ms()
    if pause is not None:
        print(f"(of which {pause} ms is the extension's deliberate pause after the last keystroke: "
              f"median {statistics.median(everything) - pause:.0f} ms for the check and drawing)")

    print()
    print(f"Per keystroke ({args.keys} per editor), without vs with the extension: main-thread time of all "
          "handlers of its events, and keydown to the next frame (p50, p95)")
    print(f"{'editor':<34}{'handlers ms':>12}{'with':>8}{'added':>8}{'frame p50':>11}{'with':>7}"
          f"{'frame p95':>11}{'with':>7}")
    rows = [(site.editor + " @ " + site.host, without[site.host], with_ext[site.host]) for site in sites]
    pooled = lambda side, i: [v for host in without for v in side[host][i]]  # noqa: E731
    rows.append(("all editors", (pooled(without, 0), pooled(without, 1)), (pooled(with_ext, 0), pooled(with_ext, 1))))
    for name, (frames_a, handlers_a), (frames_b, handlers_b) in rows:
        h_a, h_b = statistics.mean(handlers_a), statistics.mean(handlers_b)
        print(f"{name:<34}{h_a:>12.3f}{h_b:>8.3f}{h_b - h_a:>8.3f}{statistics.median(frames_a):>11.1f}"
              f"{statistics.median(frames_b):>7.1f}{percentile(frames_a, 0.95):>11.1f}{percentile(frames_b, 0.95):>7.1f}")

if __name__ == "__main__":
    main()
