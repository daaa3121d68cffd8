"""Memory and CPU time of the service's processes, read from /proc.

RSS counts every page a process has mapped, shared or not, so with gunicorn's
preload_app (the pipeline loaded once in the master, shared copy-on-write by the
workers) it over-counts; PSS divides each shared page among the processes that
map it, so the workers' PSS figures add up to what they really cost.
"""
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class ProcessMemory:
    pid: int
    rss_mb: float
    pss_mb: float | None  # None where smaps_rollup is unreadable (old kernels, other users)
    peak_rss_mb: float  # VmHWM: the most it has held, e.g. two engines at once during a list swap


def _kb_field(path: str, name: str) -> int | None:
    try:
        with open(path, encoding="ascii") as f:
            for line in f:
                if line.startswith(name + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def process_memory(pid: int) -> ProcessMemory:
    rss = _kb_field(f"/proc/{pid}/status", "VmRSS")
    if rss is None:
        raise ProcessLookupError(pid)
    pss = _kb_field(f"/proc/{pid}/smaps_rollup", "Pss")
    peak = _kb_field(f"/proc/{pid}/status", "VmHWM") or rss
    return ProcessMemory(pid, rss / 1024, None if pss is None else pss / 1024, peak / 1024)


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time the process has used so far.

    CPU time per check, unlike wall-clock time, hardly changes when other work
    shares the machine, so it gives a figure that holds on a busy machine too.
    """
    with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2:].split()  # fields[0] is field 3 of proc(5), "state"
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """Process ids whose parent is `pid` (gunicorn's workers, for its master)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        # The command name (field 2) may hold spaces and parentheses: split after its last ')'.
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == pid:
            found.append(int(entry))
    return sorted(found)
