"""Who sees which client, over real HTTP as logged-in users (JSON-RPC, as the web client does).

None may leak a colleague's client, and none may break with an access error for a legitimate
use: opening a lead or a sale order whose client is another salesperson's, invoicing any
counterparty, editing one's own preferences."""

import json

import pytest
import requests
from conftest import HTTP_TIMEOUT, seeded_server

SEED = """
def user(login, groups):
    return env["res.users"].create({
        "name": login.capitalize(), "login": login, "password": login + "-pass1",
        "group_ids": [(6, 0, [env.ref(g).id for g in groups])],
    })

anna = user("anna", ["base.group_user", "sales_team.group_sale_salesman"])
boris = user("boris", ["base.group_user", "sales_team.group_sale_salesman"])
accountant = user("accountant", ["base.group_user", "account.group_account_invoice", "base.group_partner_manager"])
manager = user("manager", ["base.group_user", "sales_team.group_sale_manager"])
exporter = user("exporter", ["base.group_user", "sales_team.group_sale_salesman_all_leads",
                             "crm_client_base.group_client_export"])
Partner = env["res.partner"]
anna_client = Partner.create({"name": "Клиент Анны", "is_company": True, "user_id": anna.id})
boris_client = Partner.create({"name": "Клиент Бориса", "is_company": True, "user_id": boris.id,
                               "email": "secret@boris-client.ru"})
boris_contact = Partner.create({"name": "Бухгалтер Бориса", "parent_id": boris_client.id})
pool_client = Partner.create({"name": "Свободный клиент", "is_company": True})
boris_client.message_post(body="Секретная договорённость", message_type="comment")
env["ir.attachment"].create({"name": "contract.txt", "raw": b"secret", "res_model": "res.partner",
                             "res_id": boris_client.id})
lead = env["crm.lead"].create({"name": "Сделка Анны", "user_id": anna.id, "partner_id": boris_client.id,
                               "type": "opportunity"})
product = env["product.product"].create({"name": "Услуга", "list_price": 100.0})
order = env["sale.order"].create({"partner_id": boris_client.id, "user_id": anna.id,
                                  "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 1})]})
result({"anna": anna.id, "boris": boris.id, "anna_client": anna_client.id, "boris_client": boris_client.id,
        "boris_contact": boris_contact.id, "pool_client": pool_client.id, "lead": lead.id, "order": order.id,
        "product": product.id})
"""


class Client:
    def __init__(self, url, db, login):
        self.url = url
        self.session = requests.Session()
        answer = self.session.post(
            f"{url}/web/session/authenticate",
            json={"jsonrpc": "2.0", "params": {"db": db, "login": login, "password": f"{login}-pass1"}},
            timeout=HTTP_TIMEOUT,
        ).json()
        assert answer.get("result", {}).get("uid"), answer
        self.uid = answer["result"]["uid"]

    def call(self, model, method, *args, **kwargs):
        answer = self.session.post(
            f"{self.url}/web/dataset/call_kw/{model}/{method}",
            json={"jsonrpc": "2.0", "params": {"model": model, "method": method, "args": list(args), "kwargs": kwargs}},
            timeout=HTTP_TIMEOUT,
        ).json()
        return answer

    def ok(self, model, method, *args, **kwargs):
        answer = self.call(model, method, *args, **kwargs)
        assert "error" not in answer, answer["error"]["data"]["message"]
        return answer["result"]

    def denied(self, model, method, *args, **kwargs):
        answer = self.call(model, method, *args, **kwargs)
        assert "error" in answer, f"{model}.{method} should be refused"
        assert answer["error"]["data"]["name"] in ("odoo.exceptions.AccessError", "odoo.exceptions.UserError")
        return answer["error"]["data"]["message"]

    def open_form(self, model, record_id):
        """Read a record with the specification of its form view, as the web client does."""
        views = self.ok(model, "get_views", [[False, "form"]])
        spec = {}
        for name, field in views["models"][model]["fields"].items():
            relational = field["type"] in ("many2one", "one2many", "many2many")
            spec[name] = {"fields": {"display_name": {}}} if relational else {}
        return self.ok(model, "web_read", [record_id], spec)[0]


@pytest.fixture(scope="module")
def site(installed_db):
    with seeded_server(installed_db, "ccb_access", SEED) as served:
        yield served


def login(site, name):
    url, db, _ids = site
    return Client(url, db, name)


def test_salesperson_sees_no_colleague_client(site):
    ids = site[2]
    anna = login(site, "anna")
    hidden = {ids["boris_client"], ids["boris_contact"]}
    found = {r["id"] for r in anna.ok("res.partner", "search_read", [], ["name"])}
    assert {ids["anna_client"], ids["pool_client"]} <= found
    assert not found & hidden
    assert anna.ok("res.partner", "name_search", "Бориса") == []
    assert "Клиент Бориса" not in str(anna.ok("res.partner", "web_search_read", [], {"display_name": {}}))
    groups = anna.ok("res.partner", "read_group", [["is_company", "=", True]], ["user_id"], ["user_id"])
    assert all(g["user_id"] is False or g["user_id"][0] == anna.uid for g in groups)
    anna.denied("res.partner", "read", [ids["boris_client"]], ["email"])
    anna.denied("res.partner", "write", [ids["boris_client"]], {"phone": "+7 495 000-00-00"})
    # Chatter and attachments of a hidden client.
    messages = anna.ok(
        "mail.message", "search_read", [["model", "=", "res.partner"], ["res_id", "=", ids["boris_client"]]], ["body"]
    )
    assert messages == []
    attachments = anna.ok(
        "ir.attachment",
        "search_read",
        [["res_model", "=", "res.partner"], ["res_id", "=", ids["boris_client"]]],
        ["name"],
    )
    assert attachments == []


def test_salesperson_opens_own_lead_and_order_of_a_colleague_client(site):
    ids = site[2]
    anna = login(site, "anna")
    lead = anna.open_form("crm.lead", ids["lead"])
    assert lead["partner_id"]["display_name"] == "Клиент Бориса"
    order = anna.open_form("sale.order", ids["order"])
    assert order["partner_id"]["display_name"] == "Клиент Бориса"
    # ... without reaching the client's card itself.
    anna.denied("res.partner", "read", [ids["boris_client"]], ["email"])


def test_salesperson_takes_pool_client_and_edits_preferences(site):
    ids = site[2]
    boris = login(site, "boris")
    boris.ok("res.partner", "action_take_from_pool", [ids["pool_client"]])
    anna = login(site, "anna")
    message = anna.denied("res.partner", "action_take_from_pool", [ids["pool_client"]])
    assert "Boris" in message
    anna.ok("res.users", "write", [anna.uid], {"tz": "Europe/Moscow", "signature": "<p>Анна</p>"})
    assert anna.ok("res.users", "read", [anna.uid], ["tz"])[0]["tz"] == "Europe/Moscow"


def test_accountant_invoices_anyone_but_reassigns_no_one(site):
    ids = site[2]
    accountant = login(site, "accountant")
    found = {
        r["id"]
        for r in accountant.ok(
            "res.partner", "search_read", [["id", "in", [ids["boris_client"], ids["anna_client"]]]], ["name"]
        )
    }
    assert found == {ids["boris_client"], ids["anna_client"]}
    move_id = accountant.ok(
        "account.move",
        "create",
        {
            "move_type": "out_invoice",
            "partner_id": ids["boris_client"],
            "invoice_line_ids": [[0, 0, {"name": "Консультация", "quantity": 1, "price_unit": 500.0}]],
        },
    )
    accountant.ok("account.move", "action_post", [move_id])
    accountant.denied("res.partner", "write", [ids["boris_client"]], {"user_id": ids["anna"]})


def test_export_only_for_the_export_group_and_logged(site):
    ids = site[2]
    for name in ("anna", "manager"):
        user = login(site, name)
        user.denied("res.partner", "export_data", [ids["anna_client"]], ["name", "email"])
        response = user.session.post(
            f"{user.url}/web/export/csv",
            data={
                "data": json.dumps(
                    {
                        "model": "res.partner",
                        "fields": [{"name": "name", "label": "Name"}],
                        "ids": [ids["anna_client"]],
                        "domain": [],
                        "import_compat": False,
                    }
                )
            },
            timeout=HTTP_TIMEOUT,
        )
        assert response.status_code != 200 or "Клиент Анны" not in response.text
    exporter = login(site, "exporter")
    data = exporter.ok("res.partner", "export_data", [ids["pool_client"], ids["anna_client"]], ["name", "email"])
    assert len(data["datas"]) == 2
    manager = login(site, "manager")
    logs = manager.ok(
        "crm.client.export.log", "search_read", [["user_id", "=", exporter.uid]], ["record_count", "field_names"]
    )
    assert [(log["record_count"], log["field_names"]) for log in logs] == [(2, "name, email")]


def test_manager_sees_all(site):
    ids = site[2]
    manager = login(site, "manager")
    wanted = [ids["boris_client"], ids["anna_client"], ids["boris_contact"]]
    found = manager.ok("res.partner", "search_read", [["id", "in", wanted]], ["name"])
    assert len(found) == 3
