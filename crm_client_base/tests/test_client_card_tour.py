# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestClientCardTour(HttpCase):
    def test_create_client_in_browser(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env.ref("base.user_admin").lang = "ru_RU"
        self.start_tour("/odoo", "crm_client_base_client_card", login="admin")
        client = self.env["res.partner"].search([("name", "=", "ИП Тестов Тест Тестович")])
        self.assertEqual(client.client_type, "individual_entrepreneur")
