"""`make demo` builds a database that serves the demo client base over HTTP to a real login."""

import subprocess
import sys

import pytest
import requests
from conftest import HTTP_TIMEOUT, ROOT, odoo_server, unique_db
from odoo_env import drop_database, psql


@pytest.fixture(scope="module")
def demo_db():
    db = unique_db("ccb_demo")
    subprocess.run(
        [sys.executable, ROOT / "tools" / "demo.py", "--db", db, "--size", "60", "--create-only"],
        check=True,
        capture_output=True,
        timeout=900,
    )
    yield db
    drop_database(db)


def test_demo_content(demo_db):
    clients = int(psql("SELECT count(*) FROM res_partner WHERE ref LIKE 'GEN-%' AND parent_id IS NULL", demo_db))
    contacts = int(psql("SELECT count(*) FROM res_partner WHERE ref LIKE 'GEN-%' AND parent_id IS NOT NULL", demo_db))
    russian = int(psql("SELECT count(*) FROM res_partner WHERE ref LIKE 'GEN-%' AND name ~ '[А-Яа-я]'", demo_db))
    notes = int(psql("SELECT count(*) FROM crm_client_interaction", demo_db))
    roles = int(psql("SELECT count(*) FROM res_partner WHERE contact_role_id IS NOT NULL", demo_db))
    groups = int(psql("SELECT count(*) FROM crm_client_duplicate WHERE state = 'open'", demo_db))
    assert clients == 60
    assert contacts > 0 and russian > 0 and notes > 0 and roles > 0
    assert groups > 0, "the demo has near-duplicates for the dedup addon to find"


def test_demo_company_is_russian_and_english_is_offered(demo_db):
    company = psql(
        "SELECT c.code, cur.name FROM res_company co JOIN res_partner p ON p.id = co.partner_id"
        " JOIN res_country c ON c.id = p.country_id JOIN res_currency cur ON cur.id = co.currency_id"
        " WHERE co.id = 1",
        demo_db,
    )
    assert company.split("|") == ["RU", "RUB"], company
    languages = psql("SELECT string_agg(code, ',' ORDER BY code) FROM res_lang WHERE active", demo_db)
    assert languages == "en_US,ru_RU", languages
    # A phone written the Russian way on a client without a country is read as Russian.
    phones = psql("SELECT count(*) FROM res_partner WHERE phone LIKE '+84%'", demo_db)
    assert phones == "0"


@pytest.mark.parametrize("login", ["admin", "manager"])
def test_demo_login_over_http(demo_db, login):
    with odoo_server(demo_db) as url:
        session = requests.Session()
        answer = session.post(
            f"{url}/web/session/authenticate",
            json={"jsonrpc": "2.0", "params": {"db": demo_db, "login": login, "password": login}},
            timeout=HTTP_TIMEOUT,
        ).json()
        assert answer["result"]["uid"]
        page = session.get(f"{url}/odoo/action-crm_client_base.res_partner_action", timeout=HTTP_TIMEOUT)
        assert page.status_code == 200 and "odoo.__session_info__" in page.text
