"""The printed report: Markdown tables (readable in a terminal, pasteable into the README)."""
from bench.run import TEXT_SIZES, Results, SizeResult

TARGET_SIZE = 20_000
MEMORY_SIZE = 100_000
TARGETS = {
    "p50": 5.0,  # ms, tweet, 20,000 names
    "p95": 10.0,  # ms, tweet, 20,000 names
    "floor_ratio": 1.5,  # tweet p50 over the bare pipeline's
    "word_floor_ratio": 1.0,  # a word-name tweet's engine CPU over the bare pipeline's on the same text
    "throughput": 300.0,  # checks/s
    "apply": 2.0,  # s, 20,000 names
    "rss": 300.0,  # MB per worker, 100,000 names
}


def _ms(value: float) -> str:
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows)]

    def line(cells) -> str:
        return "| " + " | ".join(str(c).rjust(w) for c, w in zip(cells, widths)) + " |"
    return [line(header), "|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|", *[line(r) for r in rows]]


def _pick(results: Results, size: int) -> SizeResult | None:
    """The result at `size`, else the largest measured (a quick run has no 20,000-name list)."""
    exact = [s for s in results.sizes if s.pupils == size]
    return exact[0] if exact else (max(results.sizes, key=lambda s: s.pupils) if results.sizes else None)


def _verdict(value: float, target: float, lower_is_better: bool = True, unit: str = "") -> str:
    met = value < target if lower_is_better else value >= target
    if met:
        return "met"
    return f"MISSED by {abs(value - target):.2f}{unit} ({value / target:.2f}x the target)"


def _word_name_ratios(results: Results, at: SizeResult) -> list[tuple[str, float]]:
    """In process, the engine's CPU per check over the bare pipeline's on the same word-name tweet."""
    labels = {"short-word": "word-name pupil named in full, then by first name",
              "short-word-alone": "word-name pupil by first name alone",
              "short-word-read": "word-name pupil read by its tags"}
    return [(label, at.engine[size].cpu_ms / results.floor[size].cpu_ms) for size, label in labels.items()
            if size in at.engine and size in results.floor]


def targets(results: Results) -> list[str]:
    at = _pick(results, TARGET_SIZE)
    big = _pick(results, MEMORY_SIZE)
    trust = _trust_targets(results)
    if at is None or big is None:
        return _table(["target", "goal", "measured", "verdict"], trust) if trust else []
    tweet, floor = at.latency["short"].timings, results.floor["short"].wall
    word_tweet = at.latency["short-word"].timings
    cpu_ratio = at.cpu_ms["short"] / results.floor["short"].cpu_ms
    # CPU time is counted in clock ticks: a run too short to register any gives no estimate.
    capacity = results.machine["nproc"] * 1000 / at.throughput_cpu_ms if at.throughput_cpu_ms else 0.0
    worst_rss = max(w.rss_mb for w in big.workers)
    worst_pss = max((w.pss_mb or 0) for w in big.workers)
    rows = [
        [f"tweet p50, {at.pupils:,} names", "< 5 ms", f"{_ms(tweet.p50)} ms", _verdict(tweet.p50, TARGETS["p50"], unit=" ms")],
        [f"tweet p95, {at.pupils:,} names", "< 10 ms", f"{_ms(tweet.p95)} ms", _verdict(tweet.p95, TARGETS["p95"], unit=" ms")],
        ["  tweet naming a word-name pupil, p50", "< 5 ms", f"{_ms(word_tweet.p50)} ms",
         _verdict(word_tweet.p50, TARGETS["p50"], unit=" ms")],
        ["  tweet naming a word-name pupil, p95", "< 10 ms", f"{_ms(word_tweet.p95)} ms",
         _verdict(word_tweet.p95, TARGETS["p95"], unit=" ms")],
        *[[f"  engine CPU over bare pipeline CPU, {label}", "< 1.0x", f"{ratio:.2f}x",
           _verdict(ratio, TARGETS["word_floor_ratio"], unit="x")]
          for label, ratio in _word_name_ratios(results, at)],
        ["tweet p50 over bare pipeline p50", "< 1.5x", f"{tweet.p50 / floor.p50:.2f}x",
         _verdict(tweet.p50 / floor.p50, TARGETS["floor_ratio"], unit="x")],
        ["  the same in CPU time per check", "< 1.5x", f"{cpu_ratio:.2f}x",
         _verdict(cpu_ratio, TARGETS["floor_ratio"], unit="x")],
        [f"throughput, tweet, {at.pupils:,} names", ">= 300/s", f"{at.throughput.checks_per_second:.0f}/s",
         _verdict(at.throughput.checks_per_second, TARGETS["throughput"], lower_is_better=False, unit="/s")],
        [f"  the same, from CPU per check ({at.throughput_cpu_ms:.1f} ms) on idle cores", ">= 300/s",
         f"{capacity:.0f}/s", _verdict(capacity, TARGETS["throughput"], lower_is_better=False, unit="/s")],
        [f"apply a {at.pupils:,}-name list", "< 2 s", f"{at.apply.applied_seconds:.2f} s",
         _verdict(at.apply.applied_seconds, TARGETS["apply"], unit=" s")],
        [f"RSS per worker, {big.pupils:,} names", "< 300 MB", f"{worst_rss:.0f} MB (PSS {worst_pss:.0f} MB)",
         _verdict(worst_rss, TARGETS["rss"], unit=" MB")],
        *trust,
    ]
    return _table(["target", "goal", "measured", "verdict"], rows)


def _trust_targets(results: Results) -> list[list[str]]:
    """The trust phase's memory per worker, against the same per-worker budget."""
    t = results.trust
    if t is None or not t.after:
        return []
    worst_rss = max(w.rss_mb for w in t.after)
    worst_pss = max((w.pss_mb or 0) for w in t.after)
    return [[f"RSS per worker, {t.schools} schools of {t.pupils_each:,} pupils", "< 300 MB",
             f"{worst_rss:.0f} MB (PSS {worst_pss:.0f} MB)", _verdict(worst_rss, TARGETS["rss"], unit=" MB")]]


def render(results: Results) -> str:
    m = results.machine
    cfg = results.config
    out = [
        f"Precheck benchmark, {results.started}: {m['nproc']} cores ({m['cpu']}), kernel {m['kernel']}, "
        f"Python {m['python']}, " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        f"Service: gunicorn, {cfg.workers} workers (backend/gunicorn_conf.py); client on loopback. "
        f"Load average before/after: {results.load_before} / {results.load_after}. Took {results.seconds:.0f} s.",
        "Texts: " + ", ".join(f"{k} {c:,} chars/{w:,} words" for k, (c, w) in results.text_lengths.items()) + ". "
        "Bare pipeline CPU per call: " + ", ".join(f"{k} {_ms(t.cpu_ms)} ms" for k, t in results.floor.items()) + ".",
        "",
        "Latency of POST /api/v1/check, ms (one client, sequential, keep-alive); CPU = the workers' CPU time "
        "per check, ms. In this process, same texts and names: engine = nlp.Engine.check; floor = bare "
        "nlp(text); Presidio = AnalyzerEngine.analyze on the same pipeline, pupils as a deny-list. "
        "Ratios are of CPU time, which a busy machine disturbs less than wall-clock time.",
        "",
    ]
    rows = []
    for s in results.sizes:
        for size in TEXT_SIZES:
            t, cpu = s.latency[size].timings, s.cpu_ms[size]
            floor, engine, presidio = results.floor[size], s.engine[size], s.presidio.get(size)
            rows.append([
                f"{s.pupils:,}", size, _ms(t.min), _ms(t.p50), _ms(t.p95), _ms(t.p99), t.n, s.latency[size].errors,
                _ms(cpu),
                _ms(engine.wall.p50), _ms(floor.wall.p50), _ms(presidio.wall.p50) if presidio else "-",
                f"{cpu / floor.cpu_ms:.2f}x", f"{engine.cpu_ms / floor.cpu_ms:.2f}x",
                f"{presidio.cpu_ms / engine.cpu_ms:.1f}x" if presidio else "-",
            ])
    out += _table(["names", "text", "min", "p50", "p95", "p99", "n", "errors", "CPU", "engine p50", "floor p50",
                   "Presidio p50", "service/floor", "engine/floor", "Presidio/engine"], rows)
    out += ["", "Per list size: throughput at saturation (tweet), applying the list, memory per worker", ""]
    rows = []
    for s in results.sizes:
        tp = s.throughput
        rows.append([
            f"{s.pupils:,}", f"{s.variety['first_names']:,}/{s.variety['surnames']:,}/{s.variety['full_names']:,}",
            f"{tp.checks_per_second:.0f}", _ms(s.throughput_cpu_ms), _ms(tp.timings.p50) if tp.timings else "-",
            _ms(tp.timings.p99) if tp.timings else "-", tp.errors,
            f"{s.apply.upload_seconds:.2f}",
            f"{s.apply.applied_seconds:.2f}" + ("" if s.apply.workers_seen else "*"),
            "/".join(f"{b:.0f}" for b in s.build_ms) or "-",
            f"{s.apply.slowest_check_ms:.0f}", s.apply.failed_checks,
            " ".join(f"{w.rss_mb:.0f}" for w in s.workers),
            " ".join(f"{w.pss_mb:.0f}" if w.pss_mb is not None else "?" for w in s.workers),
            " ".join(f"{w.peak_rss_mb:.0f}" for w in s.workers),
            f"{s.master.rss_mb:.0f}",
            f"{s.engine_build_seconds:.2f}",
            f"{s.presidio_build_seconds:.2f}" if s.presidio_build_seconds is not None else "-",
            _flags(s),
        ])
    out += _table(["names", "distinct first/sur/full", "checks/s", "CPU ms", "p50", "p99", "errors",
                   "upload s", "applied s", "build ms", "slowest check ms", "failed",
                   "worker RSS MB", "worker PSS MB", "worker peak RSS MB", "master RSS MB", "engine build s", "Presidio list s", "names found"], rows)
    tp_client = results.sizes[0].throughput.client if results.sizes else ""
    out += ["", f"Throughput: {tp_client}, {cfg.throughput_seconds:g} s. 'applied s': from the upload's start "
            "until the last worker logged the new list in force and answered with it (*: by the answers alone, the "
            "log had no swap lines). 'build ms': each "
            "worker's list reload (read from the store, build the engine), from the service log; 'engine build s': "
            "the engine build alone, in this process. 'names found': the tweet's pupil flagged by us / by Presidio.",
            ""]
    small, large = (results.sizes[0], results.sizes[-1]) if results.sizes else (None, None)
    if small is not None and large is not small:
        def ratios(figure) -> str:
            return ", ".join(f"{size} x{figure(large, size) / figure(small, size):.2f}" if figure(small, size) else f"{size} ?"
                             for size in TEXT_SIZES)
        out += [f"Cost as the list grows from {small.pupils:,} to {large.pupils:,} names: CPU per check "
                f"{ratios(lambda r, size: r.cpu_ms[size])}; p50 {ratios(lambda r, size: r.latency[size].timings.p50)}; "
                f"throughput x{large.throughput.checks_per_second / small.throughput.checks_per_second:.2f}.", ""]
    if results.trust is not None:
        t = results.trust
        out += [f"A trust: {t.schools} schools of {t.pupils_each:,} pupils, each school checked in every worker "
                f"({t.engines_built} school engine builds logged). Worker RSS MB before / after: "
                + ", ".join(f"{b.rss_mb:.0f} / {a.rss_mb:.0f}" for b, a in zip(t.before, t.after))
                + "; PSS MB after: " + ", ".join(f"{a.pss_mb:.0f}" if a.pss_mb is not None else "?" for a in t.after)
                + ".", ""]
    out += ["Targets (reported, not asserted)", ""] + targets(results)
    return "\n".join(out) + "\n"


def _flags(s: SizeResult) -> str:
    ours = "yes" if s.names_flagged else "no"
    theirs = "-" if s.presidio_found is None else ("yes" if s.presidio_found else "no")
    return f"{ours}/{theirs}"


BEGIN, END = "<!-- bench results: written by `make bench` -->", "<!-- end of bench results -->"


def markdown(results: Results, command: str) -> str:
    """The report with the date and the machine it was measured on, between BEGIN and END."""
    m = results.machine
    return "\n".join([
        BEGIN,
        f"Measured {results.started} with `{command}` on {m['nproc']} cores ({m['cpu']}), "
        f"kernel {m['kernel']}. `nproc`: {m['nproc']}. `free -h`:",
        "",
        "```",
        m["free"],
        "```",
        "",
        render(results),
        END,
    ])


def write_into(path: str, results: Results, command: str) -> None:
    """Put the report into the file at `path`, replacing the last one and keeping the words around it."""
    try:
        with open(path, encoding="utf-8") as f:
            existing = f.read()
    except FileNotFoundError:
        existing = "# Benchmark results\n\n"
    if BEGIN in existing and END in existing:
        before, rest = existing.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
    else:
        before, after = existing.rstrip("\n") + "\n\n", "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(before + markdown(results, command) + after)
