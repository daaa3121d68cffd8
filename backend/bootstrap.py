"""First start (`make run` runs this before gunicorn): instance/, the schema, an admin credential.

    python -m backend.bootstrap --host 127.0.0.1 --port 8000

If there is no admin credential yet (no PRECHECK_ADMIN_TOKEN and no stored admin
token), one is issued and printed once; only its hash is stored. Then it prints
the URL and the commands to get a staff token and an admin console account.
"""
import argparse
import socket
import sys

from backend import ConfigError, create_app
from backend.auth import issue_token
from backend.service import service_of


# Addresses that mean "every interface": a server can listen on them, no laptop can reach them.
ANY_ADDRESS = ("0.0.0.0", "::", "[::]", "")


def reachable_url(host: str, port: str, public_url: str | None) -> str:
    """The URL to tell staff: PRECHECK_PUBLIC_URL, else this host's name when listening everywhere."""
    if public_url:
        return public_url.rstrip("/")
    if host in ANY_ADDRESS:
        host = socket.getfqdn() or socket.gethostname()
    elif ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="8000")
    args = parser.parse_args(argv)
    try:
        app = create_app()  # creates instance/ and the schema
    except ConfigError as err:
        print(f"precheck: configuration error: {err}", file=sys.stderr)
        return 3
    store = service_of(app).store
    url = reachable_url(args.host, args.port, app.config.get("PUBLIC_URL"))
    print(f"Precheck: database {store.engine.url.render_as_string(hide_password=True)}")
    if app.config.get("ADMIN_TOKEN"):
        print("Admin API credential: PRECHECK_ADMIN_TOKEN (from the environment).")
    elif store.count_tokens("admin") == 0:
        row, token = issue_token(store, "admin", "bootstrap", "bootstrap")
        print("\nAn admin API token was created. It is shown ONCE and only its hash is stored; keep it safe:\n")
        print(f"    {token}\n")
        print(f"(Revoke it with `.venv/bin/flask --app backend.wsgi revoke-token {row.id}`; "
              "issue another with `.venv/bin/flask --app backend.wsgi create-admin-token`.)")
    else:
        print("Admin API credential: the admin token printed at the first start "
              "(new one: `.venv/bin/flask --app backend.wsgi create-admin-token`).")
    print(f"""
The service will listen on {args.host}:{args.port}; staff and admins reach it at
    {url}  (health: {url}/healthz, admin console: {url}/admin/)

Get a staff access token for the browser extension (Server URL: {url}):
    .venv/bin/flask --app backend.wsgi create-staff-token "Name of the member of staff"
  or through the API:
    curl -X POST -H "Authorization: Bearer <admin token>" -H "Content-Type: application/json" \\
         -d '{{"label": "Name of the member of staff"}}' {url}/api/v1/admin/tokens

Create an admin console account (asks for the password, or set PRECHECK_ADMIN_PASSWORD):
    .venv/bin/flask --app backend.wsgi create-admin you@school.example

Load the name lists (CSV exports from the MIS):
    .venv/bin/flask --app backend.wsgi import-list pupils pupils.csv
""")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
