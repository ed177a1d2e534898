# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.7.0 keeps doubled digits in name keys ("СК-100" was keyed as "СК-10") and folds
Latin letters typed in Cyrillic words: the name keys of the partners concerned are computed
again (the new city key is computed for every partner when its column is added)."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    rows = env.execute_query(
        SQL(
            "SELECT id FROM res_partner WHERE name ~ %s OR name ~ %s",
            r"([0-9])\1",
            "[а-яА-ЯёЁ][A-Za-z]|[A-Za-z][а-яА-ЯёЁ]",
        )
    )
    partners = env["res.partner"].browse([row[0] for row in rows])
    key = partners._fields["dedup_name_key"]
    for start in range(0, len(partners), 5000):
        env.add_to_compute(key, partners[start : start + 5000])
        env.flush_all()
