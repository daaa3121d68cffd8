"""Score the engine in-process on a labelled case folder, with the semantics of shared/eval/score.py.

    python -m nlp.evaluate tests/data/thornbury [--verbose]

The folder holds pupils.csv, staff.csv, school-terms.csv, settings.json and
cases.jsonl. An expectation is met by a finding of its category overlapping the
first occurrence of its quote (any finding of the category without a quote);
`forbid` names categories that must not be reported, "*" meaning none at all.
"""
import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from nlp.context import Context
from nlp.engine import Engine
from nlp.findings import CATEGORIES
from nlp.lists import NameLists, parse_pupils_csv, parse_school_terms_csv, parse_staff_csv
from nlp.settings import Settings
from nlp.spans import utf16_length, utf16_slice


@dataclass
class Score:
    expected: Counter = field(default_factory=Counter)
    hit: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)
    cases: int = 0
    clean: int = 0
    benign: int = 0
    benign_clean: int = 0
    spans: int = 0
    spans_ok: int = 0
    misses: dict = field(default_factory=lambda: defaultdict(list))

    def recall(self, category: str) -> float:
        return self.hit[category] / self.expected[category] if self.expected[category] else 1.0

    @property
    def clean_rate(self) -> float:
        return self.clean / self.cases if self.cases else 1.0

    @property
    def benign_rate(self) -> float:
        return self.benign_clean / self.benign if self.benign else 1.0

    @property
    def span_rate(self) -> float:
        return self.spans_ok / self.spans if self.spans else 1.0

    def table(self) -> str:
        rows = [f"{'category':18} {'recall':>7} {'hits':>8} {'wrong':>6}"]
        for cat in sorted(set(self.expected) | set(self.wrong)):
            rows.append(f"{cat:18} {self.recall(cat):7.2f} {self.hit[cat]:4d}/{self.expected[cat]:<4d}{self.wrong[cat]:5d}")
        total = sum(self.hit.values()) / max(1, sum(self.expected.values()))
        rows.append(f"cases={self.cases} recall={total:.3f} clean={self.clean_rate:.3f} "
                    f"benign_clean={self.benign_rate:.3f} spans_ok={self.span_rate:.3f}")
        return "\n".join(rows)


def load_folder(folder: Path) -> tuple[NameLists, Settings, list[dict]]:
    def read(name, parser):
        path = folder / name
        return tuple(parser(path.read_bytes()).entries) if path.exists() else ()
    lists = NameLists(pupils=read("pupils.csv", parse_pupils_csv), staff=read("staff.csv", parse_staff_csv),
                      school_terms=read("school-terms.csv", parse_school_terms_csv))
    settings_path = folder / "settings.json"
    settings = Settings.from_json(json.loads(settings_path.read_text(encoding="utf-8"))) if settings_path.exists() else Settings()
    cases = [json.loads(line) for line in (folder / "cases.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return lists, settings, cases


def _why(evidence: dict[str, dict], category: str) -> str:
    """The evidence the rule for `category` weighed, one line, for --verbose."""
    noted = evidence.get(category)
    if not noted:
        return ""
    return "\n      why: " + "; ".join(f"{k}={v}" for k, v in noted.items())


def score(engine: Engine, cases: list[dict]) -> Score:
    result = Score()
    answers = engine.explain_many([(c["text"], Context.from_json(c.get("context") or {})) for c in cases])
    for case, (findings, evidence) in zip(cases, answers):
        text = case["text"]
        result.cases += 1
        for f in findings:
            if f.end > f.start:
                result.spans += 1
                result.spans_ok += utf16_slice(text, f.start, f.end) == f.quote
        for exp in case["expect"]:
            cat, quote = exp["category"], exp.get("quote")
            result.expected[cat] += 1
            want = None
            if quote and quote in text:
                i = text.index(quote)
                want = (utf16_length(text[:i]), utf16_length(text[:i]) + utf16_length(quote))
            ok = any(f.category == cat and (want is None or (f.start < want[1] and want[0] < f.end)) for f in findings)
            result.hit[cat] += ok
            if not ok:
                result.misses[cat].append(f"{case['id']}: {text!r} (want {quote!r}; got {[(f.category, f.quote) for f in findings]})"
                                          + _why(evidence, cat))
        forbid = case.get("forbid", [])
        bad = [f for f in findings if "*" in forbid or f.category in forbid]
        result.clean += not bad
        for f in bad:
            result.wrong[f.category] += 1
            result.misses["forbidden " + f.category].append(f"{case['id']}: {text!r} flagged {f.quote!r}" + _why(evidence, f.category))
        if "*" in forbid:
            result.benign += 1
            result.benign_clean += not bad
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--verbose", action="store_true", help="print every miss and forbidden finding")
    ap.add_argument("--markdown", action="store_true", help="print one table of recall per category across the folders")
    args = ap.parse_args(argv)
    from nlp.model import load_pipeline
    nlp = load_pipeline()
    results = {}
    for folder in args.folders:
        lists, settings, cases = load_folder(folder)
        result = results[folder.name] = score(Engine(nlp, lists, settings), cases)
        if args.markdown:
            continue
        print(f"## {folder}\n{result.table()}")
        if args.verbose:
            for k, rows in sorted(result.misses.items()):
                print(f"\n### {k}")
                for row in rows:
                    print("  " + row)
        print()
    if args.markdown:
        print(markdown(results))
    return 0


def markdown(results: dict[str, Score]) -> str:
    """Recall per category (hits/expected) and the overall rates, one column per folder."""
    names = list(results)
    rows = ["| category | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for cat in CATEGORIES:
        cells = [f"{r.recall(cat):.2f} ({r.hit[cat]}/{r.expected[cat]})" if r.expected[cat] else "–" for r in results.values()]
        rows.append(f"| {cat} | " + " | ".join(cells) + " |")
    rows.append("| cases | " + " | ".join(str(r.cases) for r in results.values()) + " |")
    rows.append("| no forbidden finding | " + " | ".join(f"{r.clean_rate:.3f}" for r in results.values()) + " |")
    rows.append("| benign posts clean | " + " | ".join(f"{r.benign_rate:.3f}" if r.benign else "–" for r in results.values()) + " |")
    rows.append("| spans exact | " + " | ".join(f"{r.span_rate:.3f}" for r in results.values()) + " |")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
