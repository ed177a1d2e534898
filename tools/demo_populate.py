# ruff: noqa: F821  (env is given by odoo shell)
# Run by tools/demo.py inside `odoo shell` (``env`` is given): fills the demo database with a
# generated client base. DEMO_SIZE: top-level clients; DEMO_ROOT: the repository.
import os
import random
import sys
from datetime import timedelta

from odoo import fields

sys.path.insert(0, os.path.join(os.environ["DEMO_ROOT"], "bench"))
import generator

size = int(os.environ.get("DEMO_SIZE", "300"))
records = generator.generate(size, seed=2026)
rng = random.Random(2026)
Partner = env["res.partner"].with_context(tracking_disable=True, mail_create_nolog=True)
known = set(Partner._fields)
countries = {c.code: c.id for c in env["res.country"].search([])}

users = env["res.users"]
manager = users.search([("login", "=", "manager")])
if not manager:
    manager = users.create(
        {
            "name": "Ольга Менеджерова",
            "login": "manager",
            "password": "manager",
            "lang": "ru_RU",
            "tz": "Europe/Moscow",
            "group_ids": [(4, env.ref("sales_team.group_sale_manager").id)],
        }
    )
salespeople = manager | env.ref("base.user_admin")


def values(record, parent_id=None):
    vals = {
        key: record[key]
        for key in (
            "ref",
            "name",
            "is_company",
            "client_type",
            "phone",
            "email",
            "website",
            "street",
            "city",
            "zip",
            "function",
            "comment",
        )
        if key in known and record.get(key)
    }
    country = countries.get(record.get("country_code") or "RU")
    vals["country_id"] = country
    if record.get("vat") and record.get("country_code", "RU") == "RU":
        vals["vat"] = record["vat"]
    if parent_id:
        vals["parent_id"] = parent_id
    else:
        vals["user_id"] = rng.choice(salespeople.ids + [False])
    return vals


tops = [r for r in records if not r.get("parent_ref")]
children = [r for r in records if r.get("parent_ref")]
created = Partner.create([values(r) for r in tops])
by_ref = dict(zip([r["ref"] for r in tops], created.ids, strict=True))
Partner.create([values(r, by_ref[r["parent_ref"]]) for r in children if r["parent_ref"] in by_ref])

notes = [
    "Звонок: обсудили условия поставки, клиент ждёт коммерческое предложение.",
    "Встреча в офисе клиента: показали новый каталог.",
    "Письмо: отправили счёт и договор.",
    "Call: the client asked for a discount on annual volume.",
    "Визит: клиент доволен сроками доставки.",
]
call = env.ref("crm_client_base_reminders.mail_activity_type_client_call")
for partner in created.filtered(lambda p: p.is_company)[: max(10, size // 3)]:
    partner.message_post(body=rng.choice(notes), message_type="comment", subtype_xmlid="mail.mt_note")
    if rng.random() < 0.3:
        partner.activity_schedule(
            activity_type_id=call.id,
            date_deadline=fields.Date.today() + timedelta(days=rng.randint(0, 10)),
            user_id=partner.user_id.id or env.uid,
        )
env["crm.client.duplicate"].scan()
env.cr.commit()
print(
    f"demo: {len(created)} clients, {len(children)} key contacts, "
    f"{env['crm.client.duplicate'].search_count([])} duplicate candidates"
)
