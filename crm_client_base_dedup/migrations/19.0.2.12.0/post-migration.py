# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.12.0 reads addresses anew: a soft or hard sign is a letter of a street's name
("Октябрьская" was read as two words), and a number starting the street's name is part of it,
not the house ("ул. 50 лет Октября, д. 85" is house 85). The address keys of the partners whose
street holds a soft or hard sign or two numbers are computed again (from before 19.0.2.11.0,
that migration has just computed every key with the rules of now)."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.partner"]._dedup_recompute_address_keys(version, SQL("street ~ %s", "[ьъЬЪ]|[0-9][^0-9]+[0-9]"))
