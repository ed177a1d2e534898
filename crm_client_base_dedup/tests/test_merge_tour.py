# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.crm_client_base.tests.common import ClientTourCase


@tagged("post_install", "-at_install")
class TestMergeTour(ClientTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env.ref("base.user_admin").lang = "ru_RU"
        # A Russian company, as our users: "8 495 …" without a country is then a Russian number.
        cls.env.company.country_id = cls.env.ref("base.ru")
        Partner = cls.env["res.partner"]
        cls.first = Partner.create({"name": "ООО «Турбо»", "is_company": True, "phone": "+7 495 123-45-67"})
        cls.second = Partner.create({"name": "Turbo LLC", "is_company": True, "phone": "8 495 1234567"})

    def test_review_queue_and_merge(self):
        self.env["crm.client.duplicate"].scan()
        self.start_tour("/odoo", "crm_client_base_dedup_review_merge", login="admin")
        self.assertEqual((self.first | self.second).exists(), self.first)
        self.assertEqual(self.first.name, "Turbo LLC")

    def test_undo_from_the_merge_log(self):
        self.env["crm.client.merge"]._merge_partners(self.first | self.second, self.first)
        self.assertEqual((self.first | self.second).exists(), self.first)
        self.start_tour("/odoo", "crm_client_base_dedup_undo_merge", login="admin")
        self.assertEqual((self.first | self.second).exists(), self.first | self.second)
        self.assertEqual(self.second.name, "Turbo LLC")
        log = self.env["crm.client.merge.log"].search([("survivor_id", "=", self.first.id)])
        self.assertEqual(log.state, "undone")
