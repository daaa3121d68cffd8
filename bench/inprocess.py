"""What the service is compared with, timed in the benchmark's own process on the same texts.

- The floor: the bare spaCy pipeline, `nlp(text)`, as the service loads it. No
  check can be cheaper than running the pipeline over the draft.
- Precheck's own nlp.Engine, called directly: the service's cost without HTTP,
  Flask and the store, on the same footing as Presidio.
- Microsoft Presidio's AnalyzerEngine on the same pipeline (configured through
  NlpEngineProvider, so nothing is downloaded), with the pupils' names registered
  once as a deny-list PatternRecognizer, next to its built-in recognizers.
"""
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.names import GeneratedPupil, pupils_csv
from bench.stats import Percentiles, Timed
from nlp import Engine, NameLists, Settings
from nlp.lists import parse_pupils_csv
from nlp.model import DEFAULT_MODEL

PUPIL_ENTITY = "SCHOOL_PUPIL"
PUPIL_RECOGNIZER = "school_pupils"


def time_calls(call: Callable[[], object], max_calls: int, max_seconds: float, warmup: int = 2) -> Timed:
    """Time `call` up to `max_calls` times or until `max_seconds` have passed (at least once)."""
    for _ in range(warmup):
        call()
    seconds = []
    cpu_started = time.thread_time()
    deadline = time.perf_counter() + max_seconds
    while len(seconds) < max_calls and (not seconds or time.perf_counter() < deadline):
        started = time.perf_counter()
        call()
        seconds.append(time.perf_counter() - started)
    return Timed(Percentiles.of(seconds), (time.thread_time() - cpu_started) * 1000 / len(seconds))


def engine_for(nlp, people: list[GeneratedPupil]) -> tuple[object, float]:
    """Precheck's Engine for these pupils (read from the CSV the service gets), and its build seconds."""
    lists = NameLists(pupils=tuple(parse_pupils_csv(pupils_csv(people)).entries))
    started = time.perf_counter()
    engine = Engine(nlp, lists, Settings())
    return engine, time.perf_counter() - started


def deny_list(people: list[GeneratedPupil]) -> list[str]:
    """The names Presidio gets: each pupil's full legal and preferred name, once each."""
    names = set()
    for p in people:
        names.add(f"{p.first_name} {p.last_name}")
        if p.preferred_name:
            names.add(f"{p.preferred_name} {p.last_name}")
    return sorted(names)


@dataclass
class Presidio:
    """An AnalyzerEngine on the same spaCy pipeline, whose pupil deny-list can be replaced."""
    analyzer: object

    @classmethod
    def load(cls, model: str = DEFAULT_MODEL) -> "Presidio":
        # Imported here: `--no-presidio` runs without loading it.
        from presidio_analyzer import AnalyzerEngine
        from presidio_analyzer.nlp_engine import NlpEngineProvider
        # It warns at length about recognizers for other languages and unmapped entity labels.
        logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
        provider = NlpEngineProvider(nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        })
        return cls(AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"]))

    def register_pupils(self, people: list[GeneratedPupil]) -> float:
        """Replace the pupil deny-list; answers the seconds until it is usable (first analysis included)."""
        from presidio_analyzer import PatternRecognizer
        started = time.perf_counter()
        if any(r.name == PUPIL_RECOGNIZER for r in self.analyzer.registry.recognizers):
            self.analyzer.registry.remove_recognizer(PUPIL_RECOGNIZER)
        self.analyzer.registry.add_recognizer(PatternRecognizer(
            supported_entity=PUPIL_ENTITY, name=PUPIL_RECOGNIZER, deny_list=deny_list(people)))
        # Presidio compiles the deny-list's regular expression on first use: part of the cost.
        self.analyze("warm up")
        return time.perf_counter() - started

    def analyze(self, text: str):
        return self.analyzer.analyze(text=text, language="en")

    def finds(self, text: str, name: str) -> bool:
        return any(r.entity_type == PUPIL_ENTITY and text[r.start:r.end] == name for r in self.analyze(text))
