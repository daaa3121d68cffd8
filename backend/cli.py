"""`flask --app backend.wsgi <command>`: what an IT person runs on the server."""
import os
import sys
from datetime import timedelta

import click
from flask import current_app
from flask.cli import with_appcontext

from backend import enrolment
from backend.auth import hash_password, issue_token
from backend.service import get_store
from backend.store import DEFAULT_SCHOOL_ID, SchoolError
from backend.uploads import NO_ENTRIES, preview
from nlp.lists import PARSERS, ListFormatError

ACTOR = "cli"
SCHOOL_HELP = "the school's slug (default: the default school)"


def _school(slug: str | None):
    """The school a command acts on; None for the default school when no slug is given."""
    if slug is None:
        return get_store().school(DEFAULT_SCHOOL_ID)
    school = get_store().school_by_slug(slug)
    if school is None:
        raise click.ClickException(f"there is no school with the slug {slug!r} (see list-schools)")
    return school


school_option = click.option("--school", "school_slug", metavar="SLUG", default=None, help=SCHOOL_HELP)


@click.command("init-db")
@with_appcontext
def init_db():
    """Create the database schema (safe to run again)."""
    get_store().create_schema()
    click.echo(f"database ready: {get_store().engine.url.render_as_string(hide_password=True)}")


@click.command("create-staff-token")
@with_appcontext
@click.argument("label")
@school_option
def create_staff_token(label, school_slug):
    """Issue a staff access token for the extension; it is printed once, only its hash is kept."""
    school = _school(school_slug)
    row, token = issue_token(get_store(), "staff", label, ACTOR, school.id)
    click.echo(f"staff token {row.id} of {school.slug} for {label!r} (shown once; paste it into the extension's "
               f"options as the Access token):", err=True)
    click.echo(token)


@click.command("create-admin-token")
@with_appcontext
@click.option("--label", default="admin API", show_default=True)
@click.option("--school", "school_slug", metavar="SLUG", default=None,
              help="an admin token of this school alone (default: the trust's, for every school)")
def create_admin_token(label, school_slug):
    """Issue an admin API token; printed once, only its hash is kept."""
    school_id = _school(school_slug).id if school_slug else None
    row, token = issue_token(get_store(), "admin", label, ACTOR, school_id)
    whose = f"school {school_slug}" if school_slug else "the trust"
    click.echo(f"admin token {row.id} of {whose} (shown once; use it as 'Authorization: Bearer <token>'):", err=True)
    click.echo(token)


@click.command("revoke-token")
@with_appcontext
@click.argument("token_id", type=int)
def revoke_token(token_id):
    """Revoke a staff or admin token by its id; it stops working at once."""
    row = get_store().revoke_token(token_id, ACTOR)
    if row is None:
        raise click.ClickException(f"there is no token with id {token_id}")
    click.echo(f"revoked {row.kind} token {row.id} ({row.label})")


@click.command("list-tokens")
@with_appcontext
@school_option
def list_tokens(school_slug):
    """Show a school's tokens (without --school, the default school's and the trust's admin tokens):
    id, kind, label, last use and whether it is revoked (never the token)."""
    school = _school(school_slug)
    rows = get_store().tokens(school_id=school.id) + ([] if school_slug else get_store().tokens(school_id=None))
    for row in sorted(rows, key=lambda r: r.id):
        state = f"revoked {row.revoked_at:%Y-%m-%d}" if row.revoked_at else "live"
        used = f"{row.last_used_at:%Y-%m-%d %H:%M}" if row.last_used_at else "never"
        click.echo(f"{row.id:5d}  {row.kind:5}  {row.hint}…  {state:18}  last used {used:16}  {row.label}")


NOUN_PLURAL = {"pupils": "pupils", "staff": "staff", "school-terms": "school names"}
SHOW_REJECTED = 20  # lines of rows that cannot be read; the count says how many more


def _on_terminal() -> bool:
    return sys.stdin.isatty()


def _describe(change, kind: str, name: str) -> None:
    """What the file holds and what replacing the list with it would change (to stderr, like the
    other commands' explanations; names of pupils are never printed, only counts and lines)."""
    parsed = change.parsed
    say = lambda text="": click.echo(text, err=True)  # noqa: E731
    columns = ", ".join(f"{header!r} as {field}" for field, header in parsed.columns.items())
    say(f"{name}: read {columns}" + (f"; ignored {', '.join(map(repr, parsed.ignored_columns))}"
                                     if parsed.ignored_columns else ""))
    say(f"  {len(parsed.entries)} {NOUN_PLURAL[kind]} in the file, {change.current} on the list now: "
        f"{change.joining} joining, {change.leaving} no longer in the file (they would leave the list)")
    for line, why in parsed.rejected[:SHOW_REJECTED]:
        say(f"  line {line} cannot be read: {why}")
    if len(parsed.rejected) > SHOW_REJECTED:
        say(f"  and {len(parsed.rejected) - SHOW_REJECTED} more rows that cannot be read")
    for warning in change.warnings(NOUN_PLURAL[kind]):
        say(warning)


@click.command("import-list")
@with_appcontext
@click.argument("kind", type=click.Choice(list(PARSERS)))
@click.argument("file", type=click.File("rb"))
@school_option
@click.option("--dry-run", is_flag=True, help="show what the file holds and would change; change nothing")
@click.option("--yes", is_flag=True, help="replace without asking, even when rows cannot be read or the file "
              "would take more than half of the list away")
def import_list(kind, file, school_slug, dry_run, yes):
    """Replace a school's KIND list (pupils, staff, school-terms) with a CSV FILE.

    It first shows what it read and what would change. Rows it cannot read are left out, and a file
    that would take more than half of the list away is applied, only once confirmed: it asks on a
    terminal, and elsewhere refuses unless --yes is given (the console's preview follows the same rule).
    """
    school = _school(school_slug)
    unchanged = f"the {kind} list was not changed"
    try:
        change = preview(kind, file.read(), get_store().entries(kind, school.id)[1])
    except ListFormatError as err:
        raise click.ClickException(f"{file.name}: {err}; {unchanged}") from None
    _describe(change, kind, file.name)
    if not change.usable:
        raise click.ClickException(f"{file.name}: " + (
            "no row can be read" if change.parsed.rejected else NO_ENTRIES) + f"; {unchanged}")
    if dry_run:
        click.echo(f"dry run: {unchanged}")
        return
    if change.needs_confirmation and not yes:
        if not _on_terminal():
            raise click.ClickException(f"{unchanged}: run it again with --yes to replace it anyway "
                                       "(or in a terminal, to be asked)")
        if not click.confirm(f"Replace the {school.slug} {kind} list with these {len(change.parsed.entries)}?",
                             err=True):
            raise click.ClickException(unchanged)
    version = get_store().replace_list(kind, change.parsed.entries, ACTOR, school.id)
    click.echo(f"{school.slug} {kind}: {len(change.parsed.entries)} entries in force (lists_version {version})")


def _link_base(url: str | None) -> str:
    base = url or current_app.config.get("PUBLIC_URL")
    if not base:
        raise click.ClickException("links need the address staff reach the service at: set PRECHECK_PUBLIC_URL "
                                   "or give --url https://precheck.school.example")
    return base


@click.command("create-enrolment-links")
@with_appcontext
@click.argument("names", nargs=-1)
@school_option
@click.option("--staff-list", is_flag=True, help="everyone on the staff list without a link under way or used")
@click.option("--days", type=click.IntRange(1, enrolment.MAX_LIFETIME_DAYS), default=enrolment.DEFAULT_LIFETIME.days,
              show_default=True, help="days until an unused link expires")
@click.option("--url", metavar="URL", default=None, help="the service's address in the links "
              "(default: PRECHECK_PUBLIC_URL)")
def create_enrolment_links(names, school_slug, staff_list, days, url):
    """One-time enrolment links, for NAMES or with --staff-list for the staff list: CSV on stdout
    (name,link,expires), for a mail merge. Each link is shown once; opening it, or pasting it in the
    extension's options, sets the extension up with a new staff token."""
    school = _school(school_slug)
    if bool(names) == staff_list:
        raise click.ClickException("give the names of staff, or --staff-list (not both)")
    base = _link_base(url)
    labels = enrolment.staff_without_link(get_store(), school.id) if staff_list else list(names)
    if not labels:
        click.echo("everyone on the staff list has a link under way or has enrolled; nothing issued", err=True)
        return
    try:
        issued = enrolment.issue(get_store(), labels, base, ACTOR, school.id, timedelta(days=days))
    except enrolment.EnrolmentError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"{len(issued)} enrolment links for {school.slug} (shown once; each works once, "
               f"for {days} days):", err=True)
    click.echo(enrolment.links_csv(issued), nl=False)


@click.command("list-enrolments")
@with_appcontext
@school_option
def list_enrolments(school_slug):
    """A school's enrolment links: id, state (waiting, enrolled, expired, revoked), when, and whom for."""
    for row in enrolment.enrolments(get_store(), _school(school_slug).id):
        when = row.used_at or row.revoked_at or row.expires_at
        click.echo(f"{row.id:5d}  {row.state():8}  {when:%Y-%m-%d %H:%M}  {row.label}")


@click.command("revoke-enrolment")
@with_appcontext
@click.argument("enrolment_id", type=int)
def revoke_enrolment(enrolment_id):
    """Revoke an enrolment link by its id; if it was used, the token it gave stops working too."""
    row = enrolment.revoke(get_store(), enrolment_id, ACTOR)
    if row is None:
        raise click.ClickException(f"there is no enrolment link with id {enrolment_id}")
    click.echo(f"revoked enrolment {row.id} ({row.label})" + (f" and staff token {row.token_id}" if row.token_id else ""))


@click.command("create-admin")
@with_appcontext
@click.argument("email")
@click.option("--school", "school_slug", metavar="SLUG", default=None,
              help="an account for this school alone (default: the trust's, for every school)")
def create_admin(email, school_slug):
    """Create an admin console account, or reset its password (PRECHECK_ADMIN_PASSWORD or a prompt)."""
    school_id = _school(school_slug).id if school_slug else None
    if "@" not in email:
        raise click.ClickException(f"{email!r} is not an email address")
    password = os.environ.get("PRECHECK_ADMIN_PASSWORD")
    if not password:
        if not sys.stdin.isatty():
            raise click.ClickException("set PRECHECK_ADMIN_PASSWORD or run this in a terminal to be asked")
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < 10:
        raise click.ClickException("the password must be at least 10 characters long")
    _, created = get_store().upsert_admin(email, hash_password(password), ACTOR, school_id)
    click.echo(f"{'created' if created else 'reset the password of'} admin account {email.strip().lower()}")


@click.command("create-school")
@with_appcontext
@click.argument("slug")
@click.argument("name")
def create_school(slug, name):
    """Add a school to the trust: SLUG (2-40 of a-z, 0-9, -) and its NAME."""
    try:
        school = get_store().create_school(slug, name, ACTOR)
    except SchoolError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"school {school.slug} ({school.name}) created")


@click.command("list-schools")
@with_appcontext
def list_schools():
    """Show every school of the trust: slug, lists_version and name."""
    for school in get_store().schools():
        click.echo(f"{school.slug:40}  version {school.lists_version:<6d}  {school.name}")


@click.command("rename-school")
@with_appcontext
@click.argument("slug")
@click.option("--to", "new_slug", metavar="NEW_SLUG", default=None, help="the school's new slug")
@click.option("--name", default=None, help="the school's new name")
def rename_school(slug, new_slug, name):
    """Give the school SLUG a new slug (--to) and/or name (--name); its lists, tokens and admins stay."""
    if new_slug is None and name is None:
        raise click.ClickException("give --to NEW_SLUG, --name NAME or both")
    try:
        school = get_store().rename_school(_school(slug).id, ACTOR, slug=new_slug, name=name)
    except SchoolError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"school {school.slug} ({school.name})")


@click.command("delete-school")
@with_appcontext
@click.argument("slug")
@click.option("--yes", is_flag=True, help="delete without asking (scripts); otherwise it asks for the slug again")
def delete_school(slug, yes):
    """Delete the school SLUG and erase its lists, settings, tokens, admin accounts and audit events."""
    school = _school(slug)
    if not yes:
        if not _on_terminal():
            raise click.ClickException(f"nothing was deleted: run it again with --yes to delete {slug}")
        typed = click.prompt(f"This erases {school.name} for good. Type its slug to confirm", err=True, default="",
                             show_default=False)
        if typed.strip() != slug:
            raise click.ClickException("nothing was deleted")
    try:
        erased = get_store().delete_school(school.id, ACTOR)
    except SchoolError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"deleted {slug}: " + ", ".join(f"{count} {what}" for what, count in erased.items()) + " erased")


def register(app) -> None:
    for command in (init_db, create_staff_token, create_admin_token, revoke_token, list_tokens,
                    import_list, create_admin, create_school, list_schools, rename_school, delete_school,
                    create_enrolment_links, list_enrolments, revoke_enrolment):
        app.cli.add_command(command)
