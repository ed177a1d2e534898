# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.10.0 reads long legal forms typed with a space doubled or dropped ("Общество с
ограниченной  ответственностью", "Товариществос ограниченной ответственностью") as legal forms:
the name keys of the partners whose name holds a long form are computed again."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.partner"]._dedup_recompute_key(
        "dedup_name_key", SQL("name ~* %s", "общество|товарищество|предприяти|предпринимател|организаци|хозяйство")
    )
