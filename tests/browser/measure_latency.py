"""Measures what a member of staff feels of the extension, on the same local pages and
real service as the browser tests, and prints the figures (it asserts nothing):

- warning latency, per editor over several drafts naming a pupil: from the key that
  ends the pupil's name (the space after it) to the highlight over the name, while the
  person types on; and from the last keystroke of the draft to the warning naming the
  pupil in the panel. Both are timed when the extension's frame has them in its
  document (a frame later they are on screen);
- added time per keystroke, with and without the extension loaded: the main-thread time
  of all handlers of each keystroke's events (mean per keystroke), and the time from
  each keydown to the frame after it (median and p95), per editor;
- checks the service answered while typing, per word typed.

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

# Installed before the page's own scripts: notes each keydown's time (the page cannot
# see into Precheck's frames; the overlay's own watcher below times what it shows).
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


# Run in Precheck's overlay frame: when its document first has a highlight over a
# pupil's name, and first has the panel naming the words (epoch ms, comparable across
# frames).
OVERLAY_WATCHER = """(words) => {
  window.__seen = {};
  const now = () => performance.timeOrigin + performance.now();
  const look = () => {
    if (!window.__seen.highlight && document.querySelector('.precheck-highlight[data-category="pupil-name"]')) {
      window.__seen.highlight = now();
    }
    const status = document.querySelector('[role="status"]');
    if (!window.__seen.warning && status && status.textContent.includes(words)) window.__seen.warning = now();
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
  look();
}"""
# The name ends and typing goes on (timed from the space after the name), and the name
# ends the draft (timed from its last key: no key ends the word, the pause decides).
TYPING_ON = "So proud of {name} in assembly today, what a star!"
ENDING_WITH_NAME = "Well done {name}"


def _typed_and_seen(context, site, pupil, draft: str) -> tuple[dict, float, list[float]]:
    page = context.new_page()
    page.goto(site.url)
    page.locator(site.editor_selector).click()
    page.locator('iframe[data-precheck="overlay"]').first.wait_for(state="attached")
    ui.frame_of(page, "overlay").evaluate(OVERLAY_WATCHER, pupil.full_name)
    page.keyboard.type(draft, delay=60)
    overlay = ui.frame_of(page, "overlay")
    overlay.wait_for_function("() => window.__seen.highlight && window.__seen.warning", timeout=15_000)
    seen = overlay.evaluate("() => window.__seen")
    origin = page.evaluate("() => performance.timeOrigin")
    keys = page.evaluate("() => window.__keyTimes")
    page.close()
    return seen, origin, keys


def warning_latencies(context, site, pupils, runs: int) -> tuple[list[float], list[float]]:
    """(the key ending the name -> its highlight, typing on; the last key -> the warning), in ms."""
    to_highlight, to_warning = [], []
    # keyboard.type presses a key for each ASCII character only; the key times index the draft
    typable = [pupil for pupil in pupils if pupil.full_name.isascii()]
    for run in range(runs):
        pupil = typable[zlib.crc32(f"{site.host} {run}".encode()) % len(typable)]
        seen, origin, keys = _typed_and_seen(context, site, pupil, TYPING_ON.format(name=pupil.full_name))
        name_ended = keys[TYPING_ON.index("{name}") + len(pupil.full_name)]
        to_highlight.append(seen["highlight"] - (origin + name_ended))
        seen, origin, keys = _typed_and_seen(context, site, pupil, ENDING_WITH_NAME.format(name=pupil.full_name))
        to_warning.append(seen["warning"] - (origin + keys[-1]))
    return to_highlight, to_warning


def keystroke_costs(context, site, keys: int, service=None) -> tuple[list[float], list[float], float | None]:
    """Per keystroke: keydown to the frame after it, and the time all handlers of its
    events (keydown, beforeinput, input, keyup) took on the main thread; and, given the
    service, the checks it answered per word typed."""
    page = context.new_page()
    page.goto(site.url)
    page.locator(site.editor_selector).click()
    page.evaluate("() => { window.__keyDelays.length = 0; window.__handlerTimes.length = 0; }")
    checks_before = ui.checks_made(service) if service else 0
    typed = (FILLER * (keys // len(FILLER) + 1))[:keys]
    page.keyboard.type(typed, delay=40)
    page.wait_for_timeout(1_000)
    delays = page.evaluate("() => window.__keyDelays")
    handler_total = page.evaluate("() => window.__handlerTimes.reduce((sum, ms) => sum + ms, 0)")
    page.close()
    per_word = (ui.checks_made(service) - checks_before) / len(typed.split()) if service else None
    return delays, [handler_total / keys], per_word


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
            without = {site.page: keystroke_costs(plain, site, args.keys) for site in sites}
            plain.close()

            context = extension_browser.launch_with_extension(playwright, workdir / "profile", rules)
            context.add_init_script(TIMING_HOOKS)
            extension_id = extension_browser.extension_id(context)
            first_run = extension_browser.wait_for_options_tab(context, extension_id)
            if first_run:
                first_run.close()
            extension_browser.configure_extension(context, extension_id, service.url, token)
            with_ext = {site.page: keystroke_costs(context, site, args.keys, service) for site in sites}
            latency = {site.page: warning_latencies(context, site, pupils, args.runs) for site in sites}
            context.close()

    print(f"Warning latency ({args.runs} drafts per editor of each kind, typed at 60 ms a key; ms)")
    print(f"{'editor':<34}{'name end -> highlight':>22}{'last key -> warning':>22}")
    print(f"{'':<34}{'median':>8}{'min':>7}{'max':>7}{'median':>8}{'min':>7}{'max':>7}")
    rows = [(site.editor + " @ " + site.host, latency[site.page]) for site in sites]
    rows.append(("all editors", tuple([v for values in latency.values() for v in values[i]] for i in (0, 1))))
    for name, (highlight, warning) in rows:
        print(f"{name:<34}" + "".join(f"{statistics.median(v):>8.0f}{min(v):>7.0f}{max(v):>7.0f}"
                                      for v in (highlight, warning)))
    pause = extension_pause_ms()
    if pause is not None:
        print(f"(the extension checks {pause} ms after the last key within a word, at once after a key that ends one)")
    print()
    print(f"Per keystroke ({args.keys} per editor), without vs with the extension: main-thread time of all "
          "handlers of its events, and keydown to the next frame (p50, p95)")
    print(f"{'editor':<34}{'handlers ms':>12}{'with':>8}{'added':>8}{'frame p50':>11}{'with':>7}"
          f"{'frame p95':>11}{'with':>7}")
    rows = [(site.editor + " @ " + site.host, without[site.page], with_ext[site.page]) for site in sites]
    pooled = lambda side, i: [v for host in without for v in side[host][i]]  # noqa: E731
    rows.append(("all editors", (pooled(without, 0), pooled(without, 1)), (pooled(with_ext, 0), pooled(with_ext, 1))))
    for name, (frames_a, handlers_a, *_), (frames_b, handlers_b, *_) in rows:
        h_a, h_b = statistics.mean(handlers_a), statistics.mean(handlers_b)
        print(f"{name:<34}{h_a:>12.3f}{h_b:>8.3f}{h_b - h_a:>8.3f}{statistics.median(frames_a):>11.1f}"
              f"{statistics.median(frames_b):>7.1f}{percentile(frames_a, 0.95):>11.1f}{percentile(frames_b, 0.95):>7.1f}")

    per_word = [with_ext[site.page][2] for site in sites]
    print()
    print(f"Checks the service answered while typing {args.keys} keys at 40 ms a key: "
          f"{statistics.mean(per_word):.2f} per word (min {min(per_word):.2f}, max {max(per_word):.2f} across editors)")


if __name__ == "__main__":
    main()
