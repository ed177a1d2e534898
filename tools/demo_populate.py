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


def demo_user(login, name, group):
    """The demo's user ``login`` (its password is its login), in Russian, in Moscow."""
    return users.search([("login", "=", login)]) or users.create(
        {
            "name": name,
            "login": login,
            "password": login,
            "lang": "ru_RU",
            "tz": "Europe/Moscow",
            "group_ids": [(4, env.ref(group).id)],
        }
    )


manager = demo_user("manager", "Ольга Менеджерова", "sales_team.group_sale_manager")
# A salesperson who sees only their own clients and the free pool: the suite's main user.
salesperson = demo_user("sales", "Анна Продажина", "sales_team.group_sale_salesman")
salespeople = manager | salesperson | env.ref("base.user_admin")


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

# -- analytics: acquisition channels and campaigns, a year of invoices, a data-quality trend ----
channels = [
    env["utm.source"].search([("name", "=", name)], limit=1) or env["utm.source"].create({"name": name})
    for name in ("Яндекс.Директ", "Рекомендация клиента", "Выставка", "Холодный звонок", "Сайт")
]
campaigns = [
    env["utm.campaign"].create({"name": name, "client_acquisition_cost": cost})
    for name, cost in (
        ("Выставка «Продэкспо» 2026", 450000),
        ("Яндекс.Директ: оптовые поставки", 180000),
        ("Рассылка: новый каталог", 25000),
    )
]
# The campaign of each channel that had one; other channels bring clients without a campaign.
campaign_of = {channels[2].id: campaigns[0], channels[0].id: campaigns[1], channels[4].id: campaigns[2]}
tops_created = created.filtered(lambda p: not p.parent_id)
for partner in tops_created:
    if rng.random() < 0.8:
        channel = rng.choice(channels)
        campaign = campaign_of.get(channel.id)
        partner.write(
            {
                "source_id": channel.id,
                "campaign_id": campaign.id if campaign and rng.random() < 0.7 else False,
            }
        )
company = env.company
journal = env["account.journal"].search([("type", "=", "sale"), ("company_id", "=", company.id)], limit=1)
today = fields.Date.today()
goods = ["Поставка упаковки", "Доставка и монтаж", "Годовое обслуживание", "Партия товара по договору"]
invoices = []
for partner in tops_created.filtered("is_company"):
    if rng.random() > 0.55:
        continue
    # Loyal clients buy monthly, others a few times a year: RFM segments of every kind.
    for _ in range(rng.choice([1, 2, 3, 6, 12])):
        invoices.append(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "journal_id": journal.id,
                "invoice_date": today - timedelta(days=rng.randint(0, 365)),
                "invoice_line_ids": [
                    (
                        0,
                        0,
                        {
                            "name": rng.choice(goods),
                            "quantity": rng.randint(1, 20),
                            "price_unit": rng.choice([4500, 12000, 35000, 90000]),
                        },
                    )
                ],
            }
        )
# In date order, so that the invoice numbers follow the dates.
invoices.sort(key=lambda vals: vals["invoice_date"])
moves = env["account.move"].create(invoices)
moves.action_post()
# Most invoices older than a month are paid; the rest are overdue.
paid = moves.filtered(lambda m: m.invoice_date < today - timedelta(days=30) and rng.random() < 0.8)
if paid:
    env["account.payment.register"].with_context(active_model="account.move", active_ids=paid.ids).create(
        {"group_payment": True}
    )._create_payments()
env["crm.client.value"]._refresh()
# A data-quality trend: today's figures per salesperson, and the twelve weeks before, when the
# cards were less complete (the snapshots the nightly job would have taken).
Snapshot = env["crm.client.completeness.snapshot"]
Snapshot._cron_take_snapshot()
history = []
for snapshot in Snapshot.search([("date", "=", fields.Date.context_today(Snapshot))]):
    for weeks in range(1, 13):
        average = max(5.0, snapshot.average_completeness - 2.5 * weeks + rng.uniform(-2, 2))
        history.append(
            {
                "date": snapshot.date - timedelta(weeks=weeks),
                "user_id": snapshot.user_id.id,
                "company_id": snapshot.company_id.id,
                "client_count": max(1, snapshot.client_count - weeks * rng.randint(0, 2)),
                "average_completeness": round(average, 1),
                "incomplete_count": min(snapshot.client_count, snapshot.incomplete_count + weeks),
            }
        )
Snapshot.create(history)
env.cr.commit()
print(
    f"demo: {len(created)} clients, {len(children)} key contacts, {len(interactions)} interactions, "
    f"{env['crm.client.duplicate'].search_count([])} duplicate candidates, {len(moves)} invoices "
    f"({len(paid)} paid), {len(history)} past data-quality snapshots"
)
