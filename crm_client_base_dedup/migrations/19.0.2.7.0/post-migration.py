# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.7.0 keeps doubled digits in name keys ("СК-100" was keyed as "СК-10") and folds
Latin letters typed in Cyrillic words: the name keys of the partners concerned are computed
again (the new city key is computed for every partner when its column is added)."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.partner"]._dedup_recompute_key(
        "dedup_name_key", SQL("name ~ %s OR name ~ %s", r"([0-9])\1", "[а-яА-ЯёЁ][A-Za-z]|[A-Za-z][а-яА-ЯёЁ]")
    )
