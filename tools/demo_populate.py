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

# The demo company's own identifiers (its INN and country are set before the accounting).
env.ref("base.main_company").partner_id.write({"kpp": "770701001", "ogrn": "1027700132195"})

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

roles = env["crm.client.role"].search([])
stages = env["crm.client.stage"].search([])
hobbies = env["crm.client.hobby"].search([])
contacts = Partner.search([("ref", "=like", "GEN-%"), ("parent_id", "!=", False)])
for contact in contacts:
    role = roles[rng.randrange(len(roles))]
    contact.write(
        {
            "contact_role_id": role.id,
            "is_decision_maker": role == env.ref("crm_client_base.role_director"),
            "hobby_ids": [(6, 0, rng.sample(hobbies.ids, k=rng.randint(0, 2)))],
        }
    )
for partner in created:
    partner.client_stage_id = stages[rng.randrange(len(stages))]

summaries = {
    "call": ["Обсудили условия поставки", "Call: asked for a discount on annual volume", "Напомнили об оплате счёта"],
    "meeting": ["Встреча в офисе клиента: показали новый каталог", "Переговоры о годовом договоре"],
    "email": ["Отправили счёт и договор", "Sent the price list"],
    "message": ["Telegram: клиент подтвердил заказ"],
    "visit": ["Визит: клиент доволен сроками доставки"],
}
now = fields.Datetime.now()
interactions = []
for partner in created.filtered("is_company")[: max(10, size // 2)]:
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(list(summaries))
        interactions.append(
            {
                "partner_id": partner.id,
                "interaction_type": kind,
                "summary": rng.choice(summaries[kind]),
                "date": now - timedelta(days=rng.randint(0, 150), hours=rng.randint(0, 8)),
                "duration": rng.choice([0.25, 0.5, 1.0]) if kind in ("call", "meeting", "visit") else 0,
                "user_id": partner.user_id.id or env.uid,
                "direction": rng.choice(["outbound", "outbound", "inbound"]),
            }
        )
env["crm.client.interaction"].create(interactions)
call = env.ref("crm_client_base_reminders.mail_activity_type_client_call")
for partner in created.filtered("is_company")[: max(5, size // 6)]:
    partner.activity_schedule(
        activity_type_id=call.id,
        date_deadline=fields.Date.today() + timedelta(days=rng.randint(0, 10)),
        user_id=partner.user_id.id or env.uid,
    )
reminders = env["crm.client.reminder"].create(
    [
        {
            "name": rng.choice(
                ["Уточнить план закупок", "Напомнить о продлении договора", "Ask about the new warehouse"]
            ),
            "partner_id": partner.id,
            "recurrence": rng.choice(["once", "monthly", "weekly"]),
            "next_date": fields.Date.today() + timedelta(days=rng.randint(0, 20)),
        }
        for partner in created.filtered("is_company")[: max(5, size // 10)]
    ]
)
env["crm.client.reminder.engine"]._cron_generate_reminders()
env["crm.client.duplicate"].scan()
env.cr.commit()
print(
    f"demo: {len(created)} clients, {len(children)} key contacts, {len(interactions)} interactions, "
    f"{env['crm.client.duplicate'].search_count([])} duplicate candidates"
)
