# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.modules.module import get_module_icon
from odoo.tests import TransactionCase, tagged

SUITE = ("crm_client_base", "crm_client_base_dedup", "crm_client_base_reminders", "crm_client_base_import")


@tagged("post_install", "-at_install")
class TestModulePage(TransactionCase):
    """What Odoo's Apps shows of each installed addon of the suite: its own page and icon."""

    def test_apps_page_and_icon(self):
        modules = self.env["ir.module.module"].search([("name", "in", SUITE), ("state", "=", "installed")])
        self.assertEqual(set(modules.mapped("name")), set(SUITE))
        for module in modules:
            with self.subTest(module=module.name):
                page = module.description_html
                self.assertIn(module.shortdesc, page)
                for title in ("Description", "Configuration", "Usage"):
                    self.assertIn(f"<h2>{title}</h2>", page)
                self.assertEqual(get_module_icon(module.name), f"/{module.name}/static/description/icon.png")
