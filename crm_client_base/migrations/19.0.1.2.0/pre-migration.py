# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.crm_client_base.hooks import fill_client_owner


def migrate(cr, version):
    """Fill the new stored client owner and team of every partner in SQL, rather than letting
    the ORM compute them partner by partner on a large base."""
    fill_client_owner(cr)
