# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestScan(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.first = Partner.create({"name": "ООО Ромашка", "email": "info@romashka.ru"})
        cls.second = Partner.create({"name": "Ромашка ООО", "email": " Info@Romashka.RU"})
        cls.other = Partner.create({"name": "ООО Вектор", "email": "info@vector.ru"})
        cls.Duplicate = cls.env["crm.client.duplicate"]

    def _groups_of(self, partner):
        return self.Duplicate.search([("partner_ids", "in", partner.ids)])

    def test_same_email_found_once(self):
        self.Duplicate.scan()
        groups = self._groups_of(self.first)
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups.partner_ids, self.first | self.second)
        self.assertFalse(self._groups_of(self.other))
        self.Duplicate.scan()
        self.assertEqual(self._groups_of(self.first), groups, "a rescan must not duplicate a group")

    def test_dismissed_never_comes_back(self):
        self._groups_of(self.first) or self.Duplicate.scan()
        self._groups_of(self.first).action_dismiss()
        open_groups = self.Duplicate.scan()
        self.assertFalse(open_groups.filtered(lambda g: self.first in g.partner_ids))
