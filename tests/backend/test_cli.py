"""`flask --app backend.wsgi …` commands, through Flask's CLI runner on the test's database."""
import hashlib

from tests.backend.helpers import check

PUPILS = "Forename,Surname\nAisha,Khan\nOliver,Brennan\n"


def run(app, *args, env=None):
    result = app.test_cli_runner().invoke(args=list(args), env=env)
    return result


def test_create_staff_token_prints_it_once_and_it_works(app):
    result = run(app, "create-staff-token", "Mrs Example")
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[-1]
    store = app.extensions["precheck"].store
    rows = store.tokens("staff")
    assert [r.label for r in rows] == ["Mrs Example"]
    assert rows[0].token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert check(app.test_client(), {"Authorization": f"Bearer {token}"}, "hi").status_code == 200


def test_revoke_token(app):
    token = run(app, "create-staff-token", "x").stdout.strip().splitlines()[-1]
    token_id = app.extensions["precheck"].store.tokens("staff")[0].id
    result = run(app, "revoke-token", str(token_id))
    assert result.exit_code == 0 and "revoked" in result.output
    assert check(app.test_client(), {"Authorization": f"Bearer {token}"}, "hi").status_code == 401
    assert run(app, "revoke-token", "424242").exit_code != 0


def test_create_admin_token_works_for_the_admin_api(app):
    token = run(app, "create-admin-token").stdout.strip().splitlines()[-1]
    response = app.test_client().get("/api/v1/admin/settings", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_import_list(app, tmp_path):
    path = tmp_path / "pupils.csv"
    path.write_text(PUPILS, encoding="cp1252")
    result = run(app, "import-list", "pupils", str(path))
    assert result.exit_code == 0, result.output
    assert "2 entries" in result.output
    version, entries = app.extensions["precheck"].store.entries("pupils")
    assert [e.last_name for e in entries] == ["Khan", "Brennan"]


def test_import_of_a_bad_file_changes_nothing(app, tmp_path):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text(PUPILS)
    bad.write_text("Name,Year\nAisha,9\n")
    run(app, "import-list", "pupils", str(good))
    result = run(app, "import-list", "pupils", str(bad))
    assert result.exit_code != 0 and "not changed" in result.output and "line 1" in result.output
    assert len(app.extensions["precheck"].store.entries("pupils")[1]) == 2


FORTY_PUPILS = "Forename,Surname\n" + "".join(f"Pupil{i},Family{i}\n" for i in range(40))
FIVE_STAFF = "Title,Forename,Surname\n" + "".join(f"Mrs,Staff{i},Colleague{i}\n" for i in range(5))


def _pupils(app):
    return [(e.first_name, e.last_name) for e in app.extensions["precheck"].store.entries("pupils")[1]]


def test_dry_run_shows_what_would_change_and_changes_nothing(app, tmp_path):
    (tmp_path / "pupils.csv").write_text(FORTY_PUPILS)
    result = run(app, "import-list", "pupils", str(tmp_path / "pupils.csv"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "40 pupils in the file, 0 on the list now: 40 joining" in result.output
    assert "'Forename' as first_name" in result.output and "not changed" in result.output
    assert _pupils(app) == []


def test_a_file_that_would_drop_most_of_a_list_is_refused_off_a_terminal_without_yes(app, tmp_path):
    (tmp_path / "pupils.csv").write_text(FORTY_PUPILS)
    (tmp_path / "staff.csv").write_text(FIVE_STAFF)
    assert run(app, "import-list", "pupils", str(tmp_path / "pupils.csv")).exit_code == 0
    # the staff file given as the pupil list: its Forename/Surname columns read, 40 pupils would go
    result = run(app, "import-list", "pupils", str(tmp_path / "staff.csv"))
    assert result.exit_code != 0
    assert "would take 40 of the 40 pupils off the list" in result.output and "--yes" in result.output
    assert len(_pupils(app)) == 40
    result = run(app, "import-list", "pupils", str(tmp_path / "staff.csv"), "--yes")
    assert result.exit_code == 0, result.output
    assert len(_pupils(app)) == 5


def test_on_a_terminal_it_asks_before_dropping_most_of_a_list(app, tmp_path, monkeypatch):
    import backend.cli
    monkeypatch.setattr(backend.cli, "_on_terminal", lambda: True)
    (tmp_path / "pupils.csv").write_text(FORTY_PUPILS)
    (tmp_path / "staff.csv").write_text(FIVE_STAFF)
    run(app, "import-list", "pupils", str(tmp_path / "pupils.csv"))
    declined = app.test_cli_runner().invoke(args=["import-list", "pupils", str(tmp_path / "staff.csv")], input="n\n")
    assert declined.exit_code != 0 and "Replace the default pupils list with these 5?" in declined.output
    assert len(_pupils(app)) == 40
    accepted = app.test_cli_runner().invoke(args=["import-list", "pupils", str(tmp_path / "staff.csv")], input="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert len(_pupils(app)) == 5


def test_rows_that_cannot_be_read_are_listed_and_left_out_only_when_confirmed(app, tmp_path):
    path = tmp_path / "pupils.csv"
    path.write_text("Forename,Surname\nAisha,Khan\nOliver,\nZainab,Kowalska\n")
    result = run(app, "import-list", "pupils", str(path))
    assert result.exit_code != 0
    assert "line 3 cannot be read: a pupil needs both a first name and a surname" in result.output
    assert "1 row of the file cannot be read and will be left out" in result.output
    assert _pupils(app) == []
    assert run(app, "import-list", "pupils", str(path), "--yes").exit_code == 0
    assert _pupils(app) == [("Aisha", "Khan"), ("Zainab", "Kowalska")]


def test_a_file_of_which_no_row_can_be_read_is_refused_even_with_yes(app, tmp_path):
    path = tmp_path / "pupils.csv"
    path.write_text("Forename,Surname\nOliver,\n")
    result = run(app, "import-list", "pupils", str(path), "--yes")
    assert result.exit_code != 0 and "line 2 cannot be read" in result.output and "not changed" in result.output


def test_create_admin_hashes_the_password_with_argon2(app):
    from backend.auth import verify_password
    from backend.store import AdminUser
    result = run(app, "create-admin", "Office@School.example", env={"PRECHECK_ADMIN_PASSWORD": "a long passphrase"})
    assert result.exit_code == 0, result.output
    store = app.extensions["precheck"].store
    with store.session() as s:
        user = s.query(AdminUser).one()
    assert user.email == "office@school.example"
    assert user.password_hash.startswith("$argon2") and "a long passphrase" not in user.password_hash
    assert verify_password(user.password_hash, "a long passphrase")
    again = run(app, "create-admin", "office@school.example", env={"PRECHECK_ADMIN_PASSWORD": "another passphrase"})
    assert again.exit_code == 0 and "reset" in again.output
    with store.session() as s:
        assert verify_password(s.query(AdminUser).one().password_hash, "another passphrase")


def test_create_admin_refuses_short_passwords(app):
    result = run(app, "create-admin", "a@b.example", env={"PRECHECK_ADMIN_PASSWORD": "short"})
    assert result.exit_code != 0


def test_a_schools_commands_act_on_that_school_alone(app, tmp_path):
    assert run(app, "create-school", "northfield", "Northfield High").exit_code == 0
    assert run(app, "create-school", "northfield", "Again").exit_code != 0
    csv = tmp_path / "north.csv"
    csv.write_text("Forename,Surname\nZainab,Okonkwo\n")
    assert run(app, "import-list", "pupils", str(csv), "--school", "northfield").exit_code == 0
    north_token = run(app, "create-staff-token", "North teacher", "--school", "northfield").stdout.strip().splitlines()[-1]
    run(app, "create-staff-token", "Default teacher")
    client = app.test_client()
    answer = check(client, {"Authorization": f"Bearer {north_token}"}, "Well done Zainab Okonkwo").get_json()
    assert [f["quote"] for f in answer["findings"] if f["category"] == "pupil-name"] == ["Zainab Okonkwo"]
    listed = run(app, "list-tokens", "--school", "northfield").output
    assert "North teacher" in listed and "Default teacher" not in listed
    assert "North teacher" not in run(app, "list-tokens").output
    assert "northfield" in run(app, "list-schools").output
    assert run(app, "import-list", "pupils", str(csv), "--school", "nowhere").exit_code != 0


def test_rename_and_delete_a_school(app, tmp_path, monkeypatch):
    assert run(app, "create-school", "northfield", "Northfield High").exit_code == 0
    csv = tmp_path / "north.csv"
    csv.write_text("Forename,Surname\nZainab,Okonkwo\n")
    assert run(app, "import-list", "pupils", str(csv), "--school", "northfield").exit_code == 0
    token = run(app, "create-staff-token", "North teacher", "--school", "northfield").stdout.strip().splitlines()[-1]
    renamed = run(app, "rename-school", "northfield", "--to", "northfield-academy", "--name", "Northfield Academy")
    assert renamed.exit_code == 0 and "northfield-academy (Northfield Academy)" in renamed.output
    assert run(app, "rename-school", "northfield-academy").exit_code != 0
    assert run(app, "rename-school", "northfield-academy", "--to", "default").exit_code != 0
    assert "northfield-academy" in run(app, "list-schools").output
    # Off a terminal it deletes only with --yes; on one, only once the slug is typed again.
    refused = run(app, "delete-school", "northfield-academy")
    assert refused.exit_code != 0 and "nothing was deleted" in refused.output
    monkeypatch.setattr("backend.cli._on_terminal", lambda: True)
    mistyped = app.test_cli_runner().invoke(args=["delete-school", "northfield-academy"], input="northfield\n")
    assert mistyped.exit_code != 0 and "nothing was deleted" in mistyped.output
    assert check(app.test_client(), {"Authorization": f"Bearer {token}"}, "hi").status_code == 200
    deleted = app.test_cli_runner().invoke(args=["delete-school", "northfield-academy"], input="northfield-academy\n")
    assert deleted.exit_code == 0 and "1 pupils" in deleted.output and "1 tokens" in deleted.output
    assert check(app.test_client(), {"Authorization": f"Bearer {token}"}, "hi").status_code == 401
    assert "northfield" not in run(app, "list-schools").output
    assert run(app, "delete-school", "default", "--yes").exit_code != 0
