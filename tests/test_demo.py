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


def test_demo_analytics_show_something(demo_db):
    """Value analysis, channel effectiveness and the data-quality trend have data to show."""
    # The generated clients' invoices (Odoo's demo partners have a few of their own).
    invoices = psql(
        "SELECT count(*), count(DISTINCT m.partner_id), max(m.invoice_date) - min(m.invoice_date)"
        " FROM account_move m JOIN res_partner p ON p.id = m.partner_id"
        " WHERE m.move_type = 'out_invoice' AND m.state = 'posted' AND p.ref LIKE 'GEN-%'",
        demo_db,
    ).split("|")
    assert int(invoices[0]) > 20 and int(invoices[1]) > 5, invoices
    assert int(invoices[2]) > 180, "invoices spread over the year"
    valued = psql(
        "SELECT count(*) FROM crm_client_value v JOIN res_partner p ON p.id = v.partner_id"
        " WHERE p.ref LIKE 'GEN-%' AND v.revenue_total > 0",
        demo_db,
    )
    assert int(valued) == int(invoices[1]), "each invoiced client has its value computed"
    channels = psql(
        "SELECT count(DISTINCT source_id), count(DISTINCT campaign_id) FROM res_partner"
        " WHERE ref LIKE 'GEN-%' AND parent_id IS NULL",
        demo_db,
    ).split("|")
    assert int(channels[0]) >= 4 and int(channels[1]) >= 2, channels
    weeks = int(psql("SELECT count(DISTINCT date) FROM crm_client_completeness_snapshot", demo_db))
    assert weeks >= 12


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


@pytest.mark.parametrize("login", ["admin", "manager", "sales"])
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


def test_screenshots_are_taken_from_the_demo(demo_db, tmp_path):
    """`make screenshots` drives a real browser through the demo: each picture is a full page."""
    subprocess.run(
        [sys.executable, ROOT / "tools" / "screenshots.py", "--db", demo_db, "--out", tmp_path],
        check=True,
        capture_output=True,
        timeout=1800,
    )
    for name in ("client_card", "duplicate_banner", "import_result", "merge_wizard"):
        data = (tmp_path / f"{name}.png").read_bytes()
        assert data.startswith(b"\x89PNG"), name
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        assert (width, height) == (1400, 900), (name, width, height)
        assert len(data) > 30000, f"{name} is a blank page"
