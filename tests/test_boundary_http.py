"""The salesperson's boundary, probed over real HTTP on all three protocols (JSON-RPC as the web
client, XML-RPC, JSON-2 with an API key): every path of the suite to a colleague's client is
refused or empty for Anna (a salesperson with "Own documents only"), and every check has a control
made by a user allowed to see that client (Boris, its holder, or a sales manager), which proves
the check can fail."""

import base64
import xmlrpc.client
from collections import Counter

import pytest
import requests
from conftest import HTTP_TIMEOUT, seeded_server
from odoo_env import LOG_DIR

# Calls made, per user and protocol: the probe's size, written to .test-logs/boundary_probe.txt.
CALLS = Counter()

SEED = """
from datetime import timedelta
from odoo import fields

def user(login, groups):
    u = env["res.users"].create({
        "name": login.capitalize(), "login": login, "password": login + "-pass1",
        "group_ids": [(6, 0, [env.ref(g).id for g in groups])],
    })
    return u

anna = user("anna", ["base.group_user", "sales_team.group_sale_salesman"])
boris = user("boris", ["base.group_user", "sales_team.group_sale_salesman"])
manager = user("manager", ["base.group_user", "sales_team.group_sale_manager"])
keys = {u.login: env["res.users.apikeys"].with_user(u).sudo()._generate(
            None, "probe", fields.Datetime.now() + timedelta(days=1)) for u in (anna, boris, manager)}
Partner = env["res.partner"]
channel = env["utm.source"].create({"name": "Выставка Бориса"})
boris_client = Partner.create({
    "name": "Клиент Бориса", "is_company": True, "user_id": boris.id, "email": "old-secret@boris-client.ru",
    "phone": "+7 495 765-43-21", "street": "Тайная улица, 7", "city": "Москва", "source_id": channel.id,
    "country_id": env.ref("base.ru").id, "vat": "7707083893",
})
boris_twin = Partner.create({"name": "Клиент Бориса (копия)", "is_company": True, "user_id": boris.id,
                             "phone": "+7 495 765-43-21"})
anna_client = Partner.create({"name": "Клиент Анны", "is_company": True, "user_id": anna.id})
family = env["crm.client.family.member"].create({"partner_id": boris_client.id, "name": "Супруга Бориса",
                                                  "relation": "spouse"})
interaction = env["crm.client.interaction"].create({"partner_id": boris_client.id, "user_id": boris.id,
                                                     "summary": "Тайный звонок"})
reminder = env["crm.client.reminder"].create({"partner_id": boris_client.id, "name": "Поздравить Бориса",
                                               "user_id": boris.id})
group = env["crm.client.duplicate"].create({"partner_ids": [(6, 0, [boris_client.id, boris_twin.id])],
                                             "score": 95, "reason_data": [["same_phone", "74957654321"]]})
pair = sorted([boris_client.id, boris_twin.id])
dismissal = env["crm.client.duplicate.dismissal"].create({"partner_a_id": pair[0], "partner_b_id": pair[1]})
segment = env["crm.client.segment"].create({"name": "Клиенты Бориса", "kind": "rule",
                                             "rule": str([("id", "=", boris_client.id)])})
segment.action_refresh()
env.cr.commit()  # a change is tracked on a card created in an earlier transaction
boris_client.with_user(boris).write({"email": "secret@boris-client.ru"})
env.cr.commit()  # the tracking values are written at commit
history = env["crm.client.history.wizard"].with_user(boris).create({"partner_id": boris_client.id})
journal = env["account.journal"].search([("type", "=", "sale"), ("company_id", "=", env.company.id)], limit=1)
move = env["account.move"].create({
    "move_type": "out_invoice", "partner_id": boris_client.id, "journal_id": journal.id,
    "invoice_line_ids": [(0, 0, {"name": "Тайная услуга", "quantity": 1, "price_unit": 7654.32})],
})
move.action_post()
env["crm.client.value"]._refresh()
env.flush_all()
result({"anna": anna.id, "boris": boris.id, "manager": manager.id, "keys": keys,
        "anna_partner": anna.partner_id.id,
        "boris_client": boris_client.id, "boris_twin": boris_twin.id, "anna_client": anna_client.id,
        "family": family.id, "interaction": interaction.id, "reminder": reminder.id, "group": group.id,
        "dismissal": dismissal.id, "segment": segment.id, "history": history.id,
        "history_lines": history.line_ids.ids, "channel": channel.id, "ru": env.ref("base.ru").id})
"""

# What Boris's client holds (no short number: an id could contain it).
SECRETS = ("Клиент Бориса", "secret@boris-client.ru", "765-43-21", "7654321", "Тайная", "Супруга", "7654.32")


class Denied(Exception):
    """The server refused the call; ``args[0]`` is its message."""


class Transport:
    """One user's calls over one protocol: ``call(model, method, ids, **kwargs)``."""

    def __init__(self, url, db, login, key):
        self.url, self.db, self.login, self.key = url, db, login, key
        self.password = f"{login}-pass1"

    def call(self, model, method, ids=None, **kwargs):
        CALLS[self.login, self.name] += 1
        return self._call(model, method, ids, **kwargs)

    @staticmethod
    def positional(ids, kwargs):
        """The arguments of call_kw and execute_kw: ids first; create takes its values by
        position there (JSON-2 takes every argument by name)."""
        args = [ids] if ids is not None else []
        if "vals_list" in kwargs:
            args.append(kwargs.pop("vals_list"))
        return args, kwargs


class JsonRpc(Transport):
    name = "json-rpc"

    def __init__(self, *args):
        super().__init__(*args)
        self.session = requests.Session()
        answer = self.session.post(
            f"{self.url}/web/session/authenticate",
            json={"jsonrpc": "2.0", "params": {"db": self.db, "login": self.login, "password": self.password}},
            timeout=HTTP_TIMEOUT,
        ).json()
        assert answer.get("result", {}).get("uid"), answer

    def _call(self, model, method, ids=None, **kwargs):
        args, kwargs = self.positional(ids, kwargs)
        answer = self.session.post(
            f"{self.url}/web/dataset/call_kw/{model}/{method}",
            json={"jsonrpc": "2.0", "params": {"model": model, "method": method, "args": args, "kwargs": kwargs}},
            timeout=HTTP_TIMEOUT,
        ).json()
        if "error" in answer:
            raise Denied(answer["error"]["data"]["message"], answer["error"]["data"]["name"])
        return answer["result"]


class XmlRpc(Transport):
    name = "xml-rpc"

    def __init__(self, *args):
        super().__init__(*args)
        common = xmlrpc.client.ServerProxy(f"{self.url}/xmlrpc/2/common", allow_none=True)
        self.uid = common.authenticate(self.db, self.login, self.password, {})
        assert self.uid
        self.proxy = xmlrpc.client.ServerProxy(f"{self.url}/xmlrpc/2/object", allow_none=True)

    def _call(self, model, method, ids=None, **kwargs):
        args, kwargs = self.positional(ids, kwargs)
        try:
            return self.proxy.execute_kw(self.db, self.uid, self.password, model, method, args, kwargs)
        except xmlrpc.client.Fault as fault:
            raise Denied(fault.faultString, "fault") from None


class Json2(Transport):
    name = "json-2"

    def _call(self, model, method, ids=None, **kwargs):
        body = dict(kwargs, ids=ids) if ids is not None else kwargs
        response = requests.post(
            f"{self.url}/json/2/{model}/{method}",
            json=body,
            headers={"Authorization": f"bearer {self.key}", "X-Odoo-Database": self.db},
            timeout=HTTP_TIMEOUT,
        )
        if response.status_code != 200:
            data = response.json()
            raise Denied(data.get("message", response.text), data.get("name"))
        return response.json()


PROTOCOLS = (JsonRpc, XmlRpc, Json2)


@pytest.fixture(scope="module")
def site(installed_db):
    with seeded_server(installed_db, "ccb_boundary", SEED) as served:
        yield served


@pytest.fixture(scope="module")
def users(site):
    url, db, ids = site
    yield {
        (login, protocol.name): protocol(url, db, login, ids["keys"][login])
        for login in ("anna", "boris", "manager")
        for protocol in PROTOCOLS
    }
    LOG_DIR.mkdir(exist_ok=True)
    lines = [f"{login} over {protocol}: {count} calls" for (login, protocol), count in sorted(CALLS.items())]
    (LOG_DIR / "boundary_probe.txt").write_text("\n".join(lines) + "\n")


def refused(user, model, method, ids=None, **kwargs):
    """The call fails, and its message shows nothing of Boris's client."""
    with pytest.raises(Denied) as caught:
        user.call(model, method, ids, **kwargs)
    message = caught.value.args[0]
    assert not [s for s in SECRETS if s in message], message
    return message


def clean(result):
    """The result of a call shows nothing of Boris's client."""
    text = str(result)
    assert not [s for s in SECRETS if s in text], text
    return result


def _reads(ids):
    """(model, record id, a field, domain to find it) of the suite's records of Boris's client."""
    client = ids["boris_client"]
    return [
        ("crm.client.family.member", ids["family"], "name", [("partner_id", "=", client)]),
        ("crm.client.interaction", ids["interaction"], "summary", [("partner_id", "=", client)]),
        ("crm.client.reminder", ids["reminder"], "name", [("partner_id", "=", client)]),
        ("crm.client.duplicate", ids["group"], "reasons", [("partner_ids", "in", [client])]),
        ("crm.client.duplicate.dismissal", ids["dismissal"], "partner_a_id", [("id", "=", ids["dismissal"])]),
        ("crm.client.value", None, "revenue_total", [("partner_id", "=", client)]),
        ("crm.client.value.analysis", None, "revenue_total", [("partner_id", "=", client)]),
    ]


@pytest.mark.parametrize("protocol", [p.name for p in PROTOCOLS])
def test_records_of_a_colleague_client_are_not_read(site, users, protocol):
    ids = site[2]
    anna, boris = users["anna", protocol], users["boris", protocol]
    for model, record_id, field, domain in _reads(ids):
        # control: the holder finds them
        assert boris.call(model, "search_read", domain=domain, fields=[field]), model
        assert clean(anna.call(model, "search_read", domain=domain, fields=[field])) == [], model
        assert anna.call(model, "search_count", domain=domain) == 0, model
        groups = anna.call(model, "read_group", domain=domain, fields=[], groupby=[])
        assert not groups or not groups[0].get("__count"), (model, groups)
        if record_id:
            assert boris.call(model, "read", [record_id], fields=[field])
            refused(anna, model, "read", [record_id], fields=[field])


@pytest.mark.parametrize("protocol", [p.name for p in PROTOCOLS])
def test_search_paths_to_a_colleague_client(site, users, protocol):
    """The other ways the web client and the API read records: search, web_search_read, web_read,
    name_search, read_group by client, export."""
    ids = site[2]
    anna, boris = users["anna", protocol], users["boris", protocol]
    for model, record_id, field, domain in _reads(ids):
        assert boris.call(model, "search", domain=domain), model
        assert anna.call(model, "search", domain=domain) == [], model
        result = anna.call(model, "web_search_read", domain=[], specification={field: {}})
        assert clean(result)["length"] == 0 or not {r["id"] for r in result["records"]} & {record_id}, model
        if "partner_id" in anna.call(model, "fields_get", attributes=["type"]):
            groups = anna.call(model, "read_group", domain=[], fields=[], groupby=["partner_id"])
            clean(groups)
            assert ids["boris_client"] not in [g["partner_id"] and g["partner_id"][0] for g in groups], model
        if record_id:
            assert boris.call(model, "web_read", [record_id], specification={field: {}}), model
            refused(anna, model, "web_read", [record_id], specification={field: {}})
            refused(anna, model, "export_data", [record_id], fields_to_export=[field])
    for model, term in (("crm.client.family.member", "Супруга"), ("crm.client.interaction", "Тайный")):
        assert boris.call(model, "name_search", name=term), model
        assert anna.call(model, "name_search", name=term) == [], model


@pytest.mark.parametrize("protocol", [p.name for p in PROTOCOLS])
def test_history_restore_of_a_colleague_client_is_refused(site, users, protocol):
    ids = site[2]
    anna, boris = users["anna", protocol], users["boris", protocol]
    lines = ids["history_lines"]
    assert lines, "the control: Boris's history has lines"
    assert boris.call("crm.client.history.line", "read", lines, fields=["old_value"])
    refused(anna, "crm.client.history.line", "action_restore", lines[:1])
    refused(anna, "crm.client.history.line", "read", lines, fields=["old_value"])
    refused(anna, "crm.client.assign.wizard", "create", vals_list=[{"partner_ids": [(6, 0, [ids["boris_client"]])]}])


@pytest.mark.parametrize("protocol", [p.name for p in PROTOCOLS])
def test_records_of_a_colleague_client_are_not_written(site, users, protocol):
    ids = site[2]
    anna, boris = users["anna", protocol], users["boris", protocol]
    client = ids["boris_client"]
    creates = [
        ("crm.client.family.member", {"partner_id": client, "name": "Тёща"}),
        ("crm.client.interaction", {"partner_id": client, "summary": "Звонок Анны"}),
        ("crm.client.reminder", {"partner_id": client, "name": "Напомнить Анне"}),
        ("crm.client.history.wizard", {"partner_id": client}),
    ]
    for model, values in creates:
        refused(anna, model, "create", vals_list=[values])
        made = boris.call(model, "create", vals_list=[values])
        assert made, model
    refused(anna, "crm.client.family.member", "write", [ids["family"]], vals={"note": "Анна была здесь"})
    refused(anna, "crm.client.family.member", "unlink", [ids["family"]])
    refused(anna, "crm.client.interaction", "write", [ids["interaction"]], vals={"summary": "Анна"})
    refused(anna, "crm.client.reminder", "write", [ids["reminder"]], vals={"name": "Анна"})
    pair = sorted([client, ids["anna_client"]])
    refused(
        anna, "crm.client.duplicate.dismissal", "create", vals_list=[{"partner_a_id": pair[0], "partner_b_id": pair[1]}]
    )
    refused(anna, "crm.client.duplicate", "action_dismiss", [ids["group"]])
    refused(anna, "crm.client.duplicate", "write", [ids["group"]], vals={"state": "dismissed"})
    # the group is still open, as the manager sees it
    manager = users["manager", protocol]
    assert manager.call("crm.client.duplicate", "read", [ids["group"]], fields=["state"])[0]["state"] == "open"


@pytest.mark.parametrize("protocol", [p.name for p in PROTOCOLS])
def test_history_of_a_colleague_client_is_not_read(site, users, protocol):
    ids = site[2]
    anna, boris = users["anna", protocol], users["boris", protocol]
    refused(anna, "crm.client.history.wizard", "create", vals_list=[{"partner_id": ids["boris_client"]}])
    wizard = boris.call("crm.client.history.wizard", "create", vals_list=[{"partner_id": ids["boris_client"]}])
    lines = boris.call(
        "crm.client.history.line", "search_read", domain=[("wizard_id", "in", wizard)], fields=["old_value"]
    )
    assert any("old-secret" in (line["old_value"] or "") for line in lines), lines
    assert (
        clean(anna.call("crm.client.history.line", "search_read", domain=[], fields=["old_value", "new_value"])) == []
    )


@pytest.mark.parametrize("protocol", [p.name for p in PROTOCOLS])
def test_reports_and_counts_over_visible_clients(site, users, protocol):
    ids = site[2]
    anna, manager = users["anna", protocol], users["manager", protocol]
    domain = [("source_id", "=", ids["channel"])]
    fields = ["client_count", "revenue"]
    assert (
        manager.call("crm.client.channel.report", "search_read", domain=domain, fields=fields)[0]["client_count"] == 1
    )
    assert clean(anna.call("crm.client.channel.report", "search_read", domain=domain, fields=fields)) == []
    count = manager.call("crm.client.segment", "read", [ids["segment"]], fields=["member_count"])[0]["member_count"]
    assert count == 1
    assert anna.call("crm.client.segment", "read", [ids["segment"]], fields=["member_count"])[0]["member_count"] == 0
    # A salesperson may not rewrite a rule segment to ask questions about hidden clients.
    refused(anna, "crm.client.segment", "write", [ids["segment"]], vals={"rule": "[('email', 'ilike', 'secret')]"})
    refused(anna, "crm.client.segment", "write", [ids["segment"]], vals={"name": "Мой сегмент"})
    refused(anna, "crm.client.segment", "action_refresh", [ids["segment"]])


@pytest.mark.parametrize("protocol", [p.name for p in PROTOCOLS])
def test_private_finders_are_not_callable(site, users, protocol):
    # Server-side helpers of the finder, the scan and the standards: none answers over RPC.
    anna = users["anna", protocol]
    for model, method, kwargs in (
        ("crm.client.duplicate.finder", "_find_similar", {"values": {"name": "Клиент Бориса"}}),
        ("crm.client.duplicate.finder", "_match_values", {"values_list": [{"name": "Клиент Бориса"}]}),
        ("crm.client.duplicate", "scan", {}),
        # Refused as a method, not for what its values name: a plain phone to read is refused too.
        ("res.partner", "client_standardize", {"vals": {"phone": "+7 495 123-45-67"}}),
    ):
        with pytest.raises(Denied):
            anna.call(model, method, **kwargs)


@pytest.mark.parametrize("protocol", [p.name for p in PROTOCOLS])
def test_taking_a_held_client_names_its_holder_only(site, users, protocol):
    ids = site[2]
    anna = users["anna", protocol]
    message = refused(anna, "res.partner", "action_take_from_pool", [ids["boris_client"]])
    assert "Boris" in message


def _onchange(user, model, values, field):
    spec = {name: {} for name in values}
    spec.update({"email": {}, "phone": {}, "street": {}, "city": {}})
    if model == "crm.lead":
        spec = {"partner_id": {"fields": {"display_name": {}}}, "email_from": {}, "phone": {}, "street": {}}
    if model == "sale.order":
        spec = {
            "partner_id": {},
            "partner_invoice_id": {"fields": {"display_name": {}}},
            "partner_shipping_id": {"fields": {"display_name": {}}},
        }
    return user.call(model, "onchange", [], values=values, field_names=[field], fields_spec=spec)


@pytest.mark.parametrize("protocol", [p.name for p in PROTOCOLS])
def test_onchange_to_a_colleague_client_returns_nothing_of_it(site, users, protocol):
    ids = site[2]
    anna, manager = users["anna", protocol], users["manager", protocol]
    client = ids["boris_client"]
    cases = [
        ("res.partner", {"name": "Новый контакт", "parent_id": client}, "parent_id"),
        ("crm.lead", {"name": "Сделка", "partner_id": client}, "partner_id"),
        ("sale.order", {"partner_id": client}, "partner_id"),
    ]
    for model, values, field in cases:
        control = str(_onchange(manager, model, dict(values), field))
        assert "Тайная" in control or "secret@" in control or "Клиент Бориса" in control, (model, control)
        answer = _onchange(anna, model, dict(values), field)
        clean({k: v for k, v in answer.items() if k != "warning"})
        assert answer["value"][field] is False, (model, answer)
        assert "Boris" in answer["warning"]["message"]


@pytest.mark.parametrize("protocol", [p.name for p in PROTOCOLS])
def test_lead_on_a_colleague_client_is_refused(site, users, protocol):
    ids = site[2]
    anna, boris = users["anna", protocol], users["boris", protocol]
    values = {"name": "Сделка Анны", "partner_id": ids["boris_client"]}
    message = refused(anna, "crm.lead", "create", vals_list=[values])
    assert "Boris" in message
    assert boris.call("crm.lead", "create", vals_list=[values])


def test_no_path_makes_a_salesperson_follow_a_hidden_client(site, users):
    ids = site[2]
    boris, manager = users["boris", "json-rpc"], users["manager", "json-rpc"]
    client = ids["boris_client"]
    boris.call("res.partner", "message_subscribe", [client], partner_ids=[ids["anna_partner"]])
    # a reminder for Anna on Boris's client is refused with a message
    with pytest.raises(Denied) as caught:
        boris.call(
            "crm.client.reminder", "create", vals_list=[{"partner_id": client, "name": "Анне", "user_id": ids["anna"]}]
        )
    assert "Anna" in caught.value.args[0]
    followers = manager.call(
        "mail.followers",
        "search_read",
        domain=[("res_model", "=", "res.partner"), ("res_id", "=", client)],
        fields=["partner_id"],
    )
    assert followers, "the control: Boris's client has followers"
    assert ids["anna_partner"] not in [f["partner_id"][0] for f in followers]
    # the same call for Anna's own client subscribes her
    manager.call("res.partner", "message_subscribe", [ids["anna_client"]], partner_ids=[ids["anna_partner"]])
    followers = manager.call(
        "mail.followers",
        "search_read",
        domain=[("res_model", "=", "res.partner"), ("res_id", "=", ids["anna_client"])],
        fields=["partner_id"],
    )
    assert ids["anna_partner"] in [f["partner_id"][0] for f in followers]


@pytest.mark.parametrize("protocol", [p.name for p in PROTOCOLS])
def test_duplicate_banner_names_the_holder_only(site, users, protocol):
    anna, manager = users["anna", protocol], users["manager", protocol]
    ids = site[2]
    # Anna types the name and phone of Boris's client on a new card.
    values = {"name": "Клиент Бориса", "is_company": True, "phone": "+7 495 765-43-21"}
    spec = {"dedup_candidate_info": {}, "dedup_candidate_ids": {"fields": {"display_name": {}}}}
    control = manager.call("res.partner", "onchange", [], values=values, field_names=[], fields_spec=spec)["value"]
    # x2many values come as commands: (4, id, {values}) links the candidates
    assert ids["boris_client"] in [command[1] for command in control["dedup_candidate_ids"]], control
    assert f"/odoo/contacts/{ids['boris_client']}" in control["dedup_candidate_info"]
    answer = anna.call("res.partner", "onchange", [], values=values, field_names=[], fields_spec=spec)["value"]
    assert not answer.get("dedup_candidate_ids"), answer
    banner = clean(answer["dedup_candidate_info"])
    assert "Boris" in banner and "phone" in banner, banner


def test_import_line_matching_a_colleague_client_names_the_holder(site, users):
    anna = users["anna", "json-rpc"]
    data = (
        "Наименование;Телефон;Email;Telegram\n"
        "Клиент Бориса;+7 495 765-43-21;secret@boris-client.ru;@ivan_petrov\n"
        "ООО Своё;+7 495 000-11-22;own@example.ru;@own_shop\n"
    )
    record = anna.call(
        "crm.client.import",
        "create",
        vals_list=[{"file": base64.b64encode(data.encode()).decode(), "file_name": "list.csv"}],
    )
    anna.call("crm.client.import", "action_preview", record)
    lines = anna.call(
        "crm.client.import.line",
        "search_read",
        domain=[("import_id", "in", record)],
        fields=["action", "message", "partner_id"],
    )
    assert [line["action"] for line in lines] == ["refuse", "create"], lines
    clean([line["message"] for line in lines])
    assert "Boris" in lines[0]["message"]
    assert not lines[0]["partner_id"]


@pytest.mark.parametrize("protocol", [p.name for p in PROTOCOLS])
def test_same_tax_id_names_no_hidden_client(site, users, protocol):
    """Odoo's own "same Tax ID" finder, as superuser, named any partner."""
    ids = site[2]
    anna, manager = users["anna", protocol], users["manager", protocol]
    values = {"name": "ООО «Другое»", "is_company": True, "vat": "7707083893", "country_id": ids["ru"]}
    spec = {"same_vat_partner_id": {"fields": {"display_name": {}}}}
    control = manager.call("res.partner", "onchange", [], values=values, field_names=[], fields_spec=spec)
    assert control["value"]["same_vat_partner_id"]["id"] == ids["boris_client"], control
    answer = anna.call("res.partner", "onchange", [], values=values, field_names=[], fields_spec=spec)
    assert not clean(answer["value"]).get("same_vat_partner_id"), answer
