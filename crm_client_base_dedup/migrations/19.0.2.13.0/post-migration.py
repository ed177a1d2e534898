# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.13.0 reads the street types and the words of a pasted address typed in full as such
("Baker Street 12" was keyed by "street", "Южный район, 5" by "район"), and an ordinal of a
street's name as part of the name wherever it stands ("Тверская-Ямская 1-я, 10" was house 1).
The address keys of the partners whose street holds one of them are computed again (from
before 19.0.2.11.0, that migration has just computed every key with the rules of now)."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.partner"]._dedup_recompute_address_keys(
        version, SQL("street ~* %s", r"street|avenue|россия|russia|район|[0-9] ?-? ?(ая|ий|ый|ой|я|й)")
    )
