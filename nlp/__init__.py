"""Precheck's detection engine: a spaCy pipeline plus one policy rule per module.

Usable without Flask: build an :class:`Engine` once per version of the name
lists and settings, then call :meth:`Engine.check` for each draft.
"""
from nlp.context import Context, ContextError
from nlp.engine import Engine
from nlp.findings import Finding
from nlp.lists import ListFormatError, NameLists, Pupil, SchoolTerm, StaffMember
from nlp.model import load_pipeline
from nlp.settings import Settings, SettingsError

__all__ = [
    "Context", "ContextError", "Engine", "Finding", "ListFormatError", "NameLists",
    "Pupil", "SchoolTerm", "StaffMember", "Settings", "SettingsError", "load_pipeline",
]
