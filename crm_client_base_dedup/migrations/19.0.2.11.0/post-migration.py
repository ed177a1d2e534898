# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.11.0 adds the address key: it is computed for the partners with a street and a city
(an address key needs both), 5,000 at a time."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.partner"]._dedup_recompute_key(
        "dedup_address_key", SQL("dedup_address_key IS NULL AND street IS NOT NULL AND city IS NOT NULL")
    )
