# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column


def migrate(cr, version):
    """Fill the new stored client owner and team of every partner with two UPDATEs, rather
    than letting the ORM compute them partner by partner on a large base."""
    for column in ("client_owner_id", "client_team_id"):
        if not column_exists(cr, "res_partner", column):
            create_column(cr, "res_partner", column, "int4")
    cr.execute(
        SQL(
            "UPDATE res_partner p SET client_owner_id = c.user_id, client_team_id = c.team_id"
            " FROM res_partner c WHERE c.id = p.commercial_partner_id"
        )
    )
