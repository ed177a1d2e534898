"""A real Odoo server on a copy of the installed database: HTTP login and RPC calls."""

import pytest
import requests
from conftest import odoo_server


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
        timeout=60,
    )
    response.raise_for_status()
    return response.json()


def test_login_and_client_over_json_rpc(server):
    url, db = server
    session = requests.Session()
    login = session.post(
        f"{url}/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": "admin", "password": "admin"}},
        timeout=60,
    ).json()
    assert login["result"]["uid"] == 2
    # The web client itself loads for the logged-in user.
    page = session.get(f"{url}/odoo", timeout=60)
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
        timeout=60,
    ).json()
    assert "error" in response and "result" not in response
