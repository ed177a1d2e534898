"""A real Odoo server on a copy of the installed database: HTTP login and RPC calls."""

import base64

import pytest
import requests
from conftest import HTTP_TIMEOUT, admin_session, odoo_server


@pytest.fixture
def server(db_copy):
    with odoo_server(db_copy) as url:
        yield url, db_copy


def call_kw(session, url, model, method, args, kwargs=None):
    response = session.post(
        f"{url}/web/dataset/call_kw/{model}/{method}",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        },
        timeout=HTTP_TIMEOUT,
    )
    response.raise_for_status()
    return response.json()


def test_login_and_client_over_json_rpc(server):
    url, db = server
    session = requests.Session()
    login = session.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": "admin", "password": "admin"}},
        timeout=HTTP_TIMEOUT,
    ).json()
    assert login["result"]["uid"] == 2
    # The web client itself loads for the logged-in user.
    page = session.get(f"{url}/odoo", timeout=HTTP_TIMEOUT)
    assert page.status_code == 200 and "odoo.__session_info__" in page.text

    created = call_kw(session, url, "res.partner", "create", [{"name": "ИП Кузнецов", "is_company": True}])
    partner_id = created["result"]
    read = call_kw(session, url, "res.partner", "read", [[partner_id], ["client_type"]])
    assert read["result"][0]["client_type"] == "company"

    # Bad input over RPC: a clear error, nothing written.
    bad = call_kw(session, url, "res.partner", "write", [[partner_id], {"client_type": "alien"}])
    assert "error" in bad
    read = call_kw(session, url, "res.partner", "read", [[partner_id], ["client_type"]])
    assert read["result"][0]["client_type"] == "company"


def test_wrong_password_is_refused(server):
    url, db = server
    response = requests.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": "admin", "password": "wrong"}},
        timeout=HTTP_TIMEOUT,
    ).json()
    assert "error" in response and "result" not in response


BAD_INPUT = [
    ("res.partner", {"name": "Плохой телефон", "country_id": "RU", "phone": "12-34"}, "12-34"),
    ("res.partner", {"name": "Плохой ИНН", "country_id": "RU", "vat": "7707083894"}, "7707083894"),
    ("res.partner", {"name": "Плохой КПП", "country_id": "RU", "is_company": True, "kpp": "12345"}, "12345"),
    (
        "res.partner",
        {"name": "Плохой ОГРН", "country_id": "RU", "is_company": True, "ogrn": "1027700132196"},
        "1027700132196",
    ),
    ("res.partner", {"name": "Плохая почта", "email": "ivan(at)mail.ru"}, "ivan(at)mail.ru"),
    ("res.partner", {"name": "Родился давно", "birthday": "1700-01-01"}, "1700-01-01"),
    ("crm.client.interaction", {"summary": "Звонок из будущего", "date": "2999-01-01 10:00:00"}, "2999-01-01"),
]


def test_bad_input_over_rpc_is_refused_clearly(server):
    url, db = server
    session = admin_session(url, db)
    ru = call_kw(session, url, "res.country", "search", [[["code", "=", "RU"]]])["result"][0]
    client = call_kw(session, url, "res.partner", "create", [{"name": "ООО Клиент", "is_company": True}])["result"]
    before = call_kw(session, url, "res.partner", "search_count", [[]])["result"]
    for model, vals, value in BAD_INPUT:
        vals = {**vals}
        if vals.get("country_id") == "RU":
            vals["country_id"] = ru
        if model == "crm.client.interaction":
            vals["partner_id"] = client
        answer = call_kw(session, url, model, "create", [vals])
        assert "error" in answer, (model, vals)
        error = answer["error"]["data"]
        assert error["name"] == "odoo.exceptions.ValidationError", error["name"]
        assert value in error["message"], error["message"]
    assert call_kw(session, url, "res.partner", "search_count", [[]])["result"] == before
    assert call_kw(session, url, "crm.client.interaction", "search_count", [[]])["result"] == 0


def test_client_list_import_over_rpc(server):
    """A Russian Excel CSV (CP1251, semicolons) checked then imported over RPC; unreadable files
    are refused with a sentence, and nothing is written before the import is confirmed."""
    url, db = server
    session = admin_session(url, db)
    ru = call_kw(session, url, "res.country", "search", [[["code", "=", "RU"]]])["result"][0]
    text = (
        "Наименование;ИНН;Телефон;Страна\nООО «Импорт»;5001007329;8 495 700-00-09;RU\nООО «Опечатка»;5001007328;;RU\n"
    )
    before = call_kw(session, url, "res.partner", "search_count", [[]])["result"]
    for name, data, words in (
        ("garbage.csv", bytes(range(256)) * 4, "neither UTF-8 nor Windows-1251"),
        ("notes.csv", "просто заметки\nбез столбцов\n".encode(), "No header line"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "XLS files are not read here"),
    ):
        record = call_kw(
            session, url, "crm.client.import", "create", [{"file": base64.b64encode(data).decode(), "file_name": name}]
        )
        answer = call_kw(session, url, "crm.client.import", "action_preview", [[record["result"]]])
        assert answer["error"]["data"]["name"] == "odoo.exceptions.UserError", answer
        assert words in answer["error"]["data"]["message"], answer["error"]["data"]["message"]
    data = base64.b64encode(text.encode("cp1251")).decode()
    record = call_kw(session, url, "crm.client.import", "create", [{"file": data, "file_name": "клиенты.csv"}])[
        "result"
    ]
    assert "error" not in call_kw(session, url, "crm.client.import", "action_preview", [[record]])
    lines = call_kw(
        session,
        url,
        "crm.client.import.line",
        "search_read",
        [[["import_id", "=", record]], ["line_number", "action", "message"]],
    )["result"]
    assert [(line["line_number"], line["action"]) for line in lines] == [(2, "create"), (3, "refuse")]
    assert "5001007328" in lines[1]["message"]
    assert call_kw(session, url, "res.partner", "search_count", [[]])["result"] == before
    assert "error" not in call_kw(session, url, "crm.client.import", "action_import", [[record]])
    created = call_kw(
        session, url, "res.partner", "search_read", [[["vat", "=", "5001007329"]], ["name", "country_id", "phone"]]
    )
    assert [(p["name"], p["country_id"][0]) for p in created["result"]] == [("ООО «Импорт»", ru)]
    assert created["result"][0]["phone"].startswith("+7 495")
