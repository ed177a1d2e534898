# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.10.0 reads long legal forms typed with a space doubled or dropped ("Общество с
ограниченной  ответственностью", "Товариществос ограниченной ответственностью") as legal forms:
the name keys of the partners whose name holds a long form are computed again."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    rows = env.execute_query(
        SQL(
            "SELECT id FROM res_partner WHERE name ~* %s",
            "общество|товарищество|предприяти|предпринимател|организаци|хозяйство",
        )
    )
    partners = env["res.partner"].browse([row[0] for row in rows])
    key = partners._fields["dedup_name_key"]
    for start in range(0, len(partners), 5000):
        env.add_to_compute(key, partners[start : start + 5000])
        env.flush_all()
