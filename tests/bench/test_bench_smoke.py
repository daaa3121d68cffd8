"""The benchmark's machinery on a tiny configuration: well-formed figures, no timing asserted."""
import math
from dataclasses import replace

import pytest

from bench.names import describe, pupils, pupils_csv
from bench.report import BEGIN, END, render, write_into
from bench.run import QUICK, TEXT_SIZES, run
from bench.stats import Percentiles
from bench.texts import WORD_NAMES, drafts
from nlp.lists import parse_pupils_csv


def test_lists_are_deterministic_and_nested():
    big = pupils(500, seed=7)
    assert pupils(500, seed=7) == big
    assert pupils(50, seed=7) == big[:50]
    assert pupils(500, seed=8) != big


def test_generated_csv_is_a_valid_mis_export():
    people = pupils(2000)
    parsed = parse_pupils_csv(pupils_csv(people))
    assert parsed.rejected == []
    assert [(p.first_name, p.last_name, p.preferred_name) for p in parsed.entries] == \
        [(p.first_name, p.last_name, p.preferred_name) for p in people]
    assert parsed.columns["preferred_name"] == "Preferred Forename"


def test_lists_are_varied():
    variety = describe(pupils(20_000))
    assert variety["first_names"] > 1000 and variety["surnames"] > 1000
    assert variety["full_names"] > 0.8 * variety["pupils"]
    names = {p.first_name + p.last_name for p in pupils(20_000)}
    assert any(ch in "".join(names) for ch in "łśąńöüı"), "accented letters"
    assert any("-" in p.last_name for p in pupils(20_000)), "double-barrelled surnames"
    assert any(p.preferred_name for p in pupils(20_000)), "preferred names"


def test_drafts_name_pupils_from_the_list():
    people = pupils(100)
    texts = drafts(people)
    assert people[0].full_name in texts["short"]
    word_name = next(p for p in people if p.first_name in WORD_NAMES)
    assert f"{word_name.first_name} {word_name.last_name}" in texts["short-word"]
    assert word_name.first_name in texts["short-word-alone"] and word_name.last_name not in texts["short-word-alone"]
    assert texts["short-word-read"].startswith(word_name.first_name) and word_name.last_name not in texts["short-word-read"]
    assert people[2].full_name in texts["medium"]
    assert people[4].full_name in texts["long"]
    assert 1800 <= len(texts["long"].split()) <= 2300
    assert all(len(texts[tweet]) <= 280 for tweet in ("short", "short-word", "short-word-alone", "short-word-read"))


def test_percentiles_interpolate():
    p = Percentiles.of([i / 1000 for i in range(1, 101)])  # 1..100 ms
    assert (p.n, p.min, p.p50, p.max) == (100, pytest.approx(1), pytest.approx(50.5), pytest.approx(100))
    assert p.p95 == pytest.approx(95.05) and p.p99 == pytest.approx(99.01)


@pytest.mark.gunicorn
def test_a_tiny_run_gives_well_formed_figures(tmp_path):
    config = replace(QUICK, sizes=(5, 40), throughput_seconds=0.5, inprocess_seconds=0.2)
    results = run(config, progress=lambda _msg: None)

    def sane(p: Percentiles):
        assert p.n >= 1
        assert 0 < p.min <= p.p50 <= p.p95 <= p.p99 <= p.max and math.isfinite(p.max)

    for size in TEXT_SIZES:
        sane(results.floor[size].wall)
        assert results.floor[size].cpu_ms > 0
    assert [s.pupils for s in results.sizes] == [5, 40]
    for s in results.sizes:
        for size in TEXT_SIZES:
            sane(s.latency[size].timings)
            assert s.latency[size].errors == 0
            assert s.cpu_ms[size] > 0
            sane(s.engine[size].wall)
            sane(s.presidio[size].wall)
        assert s.throughput.checks_per_second > 0 and s.throughput.errors == 0 and s.throughput_cpu_ms > 0
        assert 0 < s.apply.upload_seconds <= s.apply.applied_seconds
        assert s.apply.failed_checks == 0 and s.apply.pupils == s.pupils + 1
        assert s.apply.workers_seen == config.workers  # each worker's swap, read from the service log
        assert len(s.workers) == config.workers
        for w in s.workers:
            assert 0 < w.pss_mb <= w.rss_mb <= w.peak_rss_mb
        assert s.engine_build_seconds > 0 and s.presidio_build_seconds > 0 and s.presidio_found
    report = render(results)
    for heading in ("p50", "p95", "p99", "checks/s", "applied s", "worker RSS MB", "worker PSS MB",
                    "engine p50", "floor p50", "Presidio p50", "Targets"):
        assert heading in report
    first_cells = {line.split("|")[1].strip() for line in report.splitlines() if line.startswith("|")}
    assert {"5", "40"} <= first_cells

    # --write keeps the words around the results and replaces the results of the last run.
    doc = tmp_path / "bench.md"
    doc.write_text("# Benchmark\n\nWhy the targets are missed.\n", encoding="utf-8")
    write_into(str(doc), results, "python -m bench")
    doc.write_text(doc.read_text(encoding="utf-8") + "\nMore words.\n", encoding="utf-8")
    write_into(str(doc), results, "python -m bench")
    text = doc.read_text(encoding="utf-8")
    assert text.count(BEGIN) == text.count(END) == 1
    assert text.startswith("# Benchmark\n\nWhy the targets are missed.") and text.endswith("More words.\n")
    assert "free -h" in text and "engine/floor" in text
