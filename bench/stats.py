"""Percentiles of a set of timings."""
import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Percentiles:
    """Timings in milliseconds over `n` samples."""
    n: int
    min: float  # the least disturbed by other work on the machine
    p50: float
    p95: float
    p99: float
    max: float

    @classmethod
    def of(cls, seconds: list[float]) -> "Percentiles":
        if not seconds:
            raise ValueError("no samples")
        ms = [s * 1000 for s in seconds]
        if len(ms) == 1:
            return cls(1, ms[0], ms[0], ms[0], ms[0], ms[0])
        # 99 cut points; "inclusive" interpolates between samples, as numpy's default does.
        cuts = statistics.quantiles(ms, n=100, method="inclusive")
        return cls(len(ms), min(ms), cuts[49], cuts[94], cuts[98], max(ms))


@dataclass(frozen=True)
class Timed:
    """Wall-clock percentiles, and the mean CPU time per call (steadier on a shared machine)."""
    wall: Percentiles
    cpu_ms: float
