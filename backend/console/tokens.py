"""Staff access tokens for the browser extension: issue (shown once), list, revoke."""
from flask import flash, g, redirect, render_template, request, url_for

from backend.console import bp, data
from backend.console.forms import TokenForm


def setup_hint(server_url: str, token: str) -> str:
    """What the member of staff needs, in the words of the extension's options page."""
    return (
        "Precheck browser extension setup\n"
        "1. Install the Precheck extension, then open its options (right-click its toolbar icon, Options).\n"
        f"2. Server URL: {server_url}\n"
        f"3. Access token: {token}\n"
        "4. Press Save, then Test connection.\n"
        "Keep the token to yourself; ask your Precheck admin for a new one if it is lost."
    )


def _page(form, new_token=None):
    return render_template("console/tokens.html", form=form, tokens=data.staff_tokens(), new_token=new_token,
                           section="console.tokens")


@bp.route("/tokens", methods=("GET",))
def tokens():
    return _page(TokenForm())


@bp.route("/tokens", methods=("POST",))
def issue_token():
    form = TokenForm()
    if not form.validate_on_submit():
        return _page(form), 400
    label = " ".join(form.label.data.split())
    row, token = data.new_staff_token(label, g.admin)
    # The token exists only in this response: it is never stored, flashed or put in a URL.
    hint = setup_hint(request.url_root.rstrip("/"), token)
    response = _page(TokenForm(formdata=None), new_token={"id": row.id, "label": label, "hint": hint})
    return response, 201, {"Cache-Control": "no-store"}


@bp.route("/tokens/<int:token_id>/revoke", methods=("POST",))
def revoke_token(token_id):
    row = data.revoke_staff_token(token_id, g.admin)
    if row is None:
        flash("There is no such token.", "error")
    else:
        flash(f"Revoked the token “{row.label}”. It stopped working at once.", "success")
    return redirect(url_for("console.tokens"))
