# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.11.0 adds the address key. Its column is created here, empty, so that the ORM does not
compute it for every partner at once when it finds the column missing: that computation keeps
every partner in the cache, and at a million partners outgrows the server's memory limit. The
post-migration fills the column 5,000 partners at a time."""

from odoo.tools.sql import column_exists, create_column


def migrate(cr, version):
    if not column_exists(cr, "res_partner", "dedup_address_key"):
        create_column(cr, "res_partner", "dedup_address_key", "varchar")
