"""`flask --app backend.wsgi <command>`: what an IT person runs on the server."""
import os
import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from backend.auth import hash_password, issue_token
from backend.uploads import parse_list
from nlp.lists import PARSERS, ListFormatError

ACTOR = "cli"


def _store():
    return current_app.extensions["precheck"].store


@click.command("init-db")
@with_appcontext
def init_db():
    """Create the database schema (safe to run again)."""
    _store().create_schema()
    click.echo(f"database ready: {_store().engine.url.render_as_string(hide_password=True)}")


@click.command("create-staff-token")
@with_appcontext
@click.argument("label")
def create_staff_token(label):
    """Issue a staff access token for the extension; it is printed once, only its hash is kept."""
    row, token = issue_token(_store(), "staff", label, ACTOR)
    click.echo(f"staff token {row.id} for {label!r} (shown once; paste it into the extension's "
               f"options as the Access token):", err=True)
    click.echo(token)


@click.command("create-admin-token")
@with_appcontext
@click.option("--label", default="admin API", show_default=True)
def create_admin_token(label):
    """Issue an admin API token; printed once, only its hash is kept."""
    row, token = issue_token(_store(), "admin", label, ACTOR)
    click.echo(f"admin token {row.id} (shown once; use it as 'Authorization: Bearer <token>'):", err=True)
    click.echo(token)


@click.command("revoke-token")
@with_appcontext
@click.argument("token_id", type=int)
def revoke_token(token_id):
    """Revoke a staff or admin token by its id; it stops working at once."""
    row = _store().revoke_token(token_id, ACTOR)
    if row is None:
        raise click.ClickException(f"there is no token with id {token_id}")
    click.echo(f"revoked {row.kind} token {row.id} ({row.label})")


@click.command("list-tokens")
@with_appcontext
def list_tokens():
    """Show every token's id, kind, label, last use and whether it is revoked (never the token)."""
    for row in _store().tokens():
        state = f"revoked {row.revoked_at:%Y-%m-%d}" if row.revoked_at else "live"
        used = f"{row.last_used_at:%Y-%m-%d %H:%M}" if row.last_used_at else "never"
        click.echo(f"{row.id:5d}  {row.kind:5}  {row.hint}…  {state:18}  last used {used:16}  {row.label}")


@click.command("import-list")
@with_appcontext
@click.argument("kind", type=click.Choice(list(PARSERS)))
@click.argument("file", type=click.File("rb"))
def import_list(kind, file):
    """Replace the KIND list (pupils, staff, school-terms) with a CSV FILE."""
    try:
        parsed = parse_list(kind, file.read())
    except ListFormatError as err:
        raise click.ClickException(f"{file.name}: {err}; the {kind} list was not changed") from None
    version = _store().replace_list(kind, parsed.entries, ACTOR)
    click.echo(f"{kind}: {len(parsed.entries)} entries in force (lists_version {version})")


@click.command("create-admin")
@with_appcontext
@click.argument("email")
def create_admin(email):
    """Create an admin console account, or reset its password (PRECHECK_ADMIN_PASSWORD or a prompt)."""
    if "@" not in email:
        raise click.ClickException(f"{email!r} is not an email address")
    password = os.environ.get("PRECHECK_ADMIN_PASSWORD")
    if not password:
        if not sys.stdin.isatty():
            raise click.ClickException("set PRECHECK_ADMIN_PASSWORD or run this in a terminal to be asked")
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < 10:
        raise click.ClickException("the password must be at least 10 characters long")
    _, created = _store().upsert_admin(email, hash_password(password), ACTOR)
    click.echo(f"{'created' if created else 'reset the password of'} admin account {email.strip().lower()}")


def register(app) -> None:
    for command in (init_db, create_staff_token, create_admin_token, revoke_token, list_tokens,
                    import_list, create_admin):
        app.cli.add_command(command)
