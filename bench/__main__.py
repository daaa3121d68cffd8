"""`python -m bench`: run the benchmark and print its report (`make bench` runs this).

    python -m bench                      # the full run: 100 ... 100,000 names, about 3-4 minutes
    python -m bench --quick              # a tiny configuration, seconds (checks the machinery)
    python -m bench --sizes 100,20000 --no-presidio --write docs/bench.md
    python -m bench --trust-only         # only the trust phase: 30 schools of 1,000 pupils, RSS per worker
"""
import argparse
import sys
from dataclasses import replace

from bench.report import render, write_into
from bench.run import QUICK, BenchConfig, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny lists, few requests: checks the machinery")
    parser.add_argument("--sizes", help="comma-separated pupil list sizes (default 100,2000,20000,100000)")
    parser.add_argument("--no-presidio", action="store_true", help="skip Microsoft Presidio")
    parser.add_argument("--trust-only", action="store_true",
                        help="no list sizes and no Presidio: only the trust phase's memory per worker")
    parser.add_argument("--connections", type=int, help="concurrent clients for throughput (default 4)")
    parser.add_argument("--write", metavar="PATH",
                        help="also write the report, with date and machine, into PATH (replacing the last one there)")
    args = parser.parse_args(argv)

    config = QUICK if args.quick else BenchConfig()
    if args.sizes:
        config = replace(config, sizes=tuple(int(n.replace("_", "")) for n in args.sizes.split(",")))
    if args.no_presidio:
        config = replace(config, presidio=False)
    if args.trust_only:
        config = replace(config, sizes=(), presidio=False)
    if args.connections:
        config = replace(config, connections=args.connections)

    results = run(config, progress=lambda msg: print(f"bench: {msg}", file=sys.stderr, flush=True))
    print(render(results))
    if args.write:
        command = " ".join(["python -m bench", *(sys.argv[1:] if argv is None else argv)])
        write_into(args.write, results, command)
        print(f"bench: wrote {args.write}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
