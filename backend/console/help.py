"""Help: the console's pages as docs/console.md describes them, each under its own anchor, and a
Help link on every page to its own part (base.html, via help_anchor)."""
import re
from functools import lru_cache
from pathlib import Path

from flask import render_template
from markupsafe import Markup, escape

from backend.console import bp

CONSOLE_DOC = Path(__file__).resolve().parents[2] / "docs" / "console.md"
# A row of the doc's table of pages: "| Page[, Page] | What it does |".
_ROW = re.compile(r"^\| (?P<pages>[^|]+?) \| (?P<what>.+) \|$")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _names(pages: str) -> list[str]:
    """The page names a row is about: "Staff, School names" -> both; "(…)" notes dropped."""
    return [name.strip() for name in re.sub(r"\([^)]*\)", "", pages).split(",") if name.strip()]


def _inline(text: str) -> Markup:
    """The doc's inline marks: `code`, **bold**, *emphasis*; everything else is text."""
    html = str(escape(text))
    html = re.sub(r"`([^`]+)`", r"<code>\1</code>", html)
    html = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", html)
    html = re.sub(r"\*([^*]+)\*", r"<em>\1</em>", html)
    return Markup(html)


@lru_cache(maxsize=1)
def sections() -> tuple[dict, ...]:
    """(anchor, title, names, text) for each page in docs/console.md's table; none if it is absent."""
    try:
        lines = CONSOLE_DOC.read_text(encoding="utf-8").splitlines()
    except OSError:
        return ()
    found = []
    for line in lines:
        match = _ROW.match(line.strip())
        if not match or match["pages"] in ("Page", "---") or not match["pages"].strip(" -"):
            continue
        if "![" in match["what"]:  # the screenshots' table
            continue
        found.append({"anchor": _slug(_names(match["pages"])[0]), "title": match["pages"],
                      "names": _names(match["pages"]), "text": _inline(match["what"])})
    return tuple(found)


def help_anchor(page_label: str | None) -> str:
    """"#anchor" of the part of the help about the page of this nav label, or "" (the top)."""
    for section in sections():
        if page_label in section["names"]:
            return "#" + section["anchor"]
    return ""


@bp.app_template_global()
def console_help_anchor(page_label):
    return help_anchor(page_label)


@bp.route("/help")
def help_page():
    return render_template("console/help.html", sections=sections(), section="console.help_page")
