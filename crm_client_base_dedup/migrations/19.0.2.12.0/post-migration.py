# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.12.0 reads a soft or hard sign as a letter of a street's name ("Октябрьская" was read
as two words, "октябр" and "ская"): the address keys of the partners whose street holds one
are computed again."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.partner"]._dedup_recompute_key("dedup_address_key", SQL("street ~ %s", "[ьъЬЪ]"))
