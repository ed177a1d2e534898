# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from odoo.addons.crm_client_base.tests.common import ClientBaseCase

from ..tools import keys


@tagged("post_install", "-at_install")
class TestIdentifyingProperty(ClientBaseCase):
    """A card property chosen as identifying a client (a customer number in 1C): the same value is
    one client, two values two clients; without the choice, properties play no part."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.ru")
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        cls.card = cls.env.ref("crm_client_base.crm_client_card_company")
        cls.card.properties_definition = [
            {"name": "code_1c", "string": "Код 1С", "type": "char"},
            {"name": "staff", "string": "Staff", "type": "integer"},
            {"name": "tier", "string": "Tier", "type": "selection", "selection": [["a", "A"], ["b", "B"]]},
        ]
        Partner = cls.env["res.partner"]
        common = {"is_company": True, "client_type": "company", "city": "Москва"}
        # Names with nothing in common, nothing else shared: only the customer number says one client.
        cls.first = Partner.create({**common, "name": "ООО «Альфа-Снаб»", "client_properties": {"code_1c": "К-0042"}})
        cls.second = Partner.create({**common, "name": "ТД Север", "client_properties": {"code_1c": "к 0042"}})
        # One name, one phone, two customer numbers: two clients.
        cls.twin_a = Partner.create(
            {**common, "name": "ООО «Вега»", "phone": "+7 495 123-45-67", "client_properties": {"code_1c": "К-0100"}}
        )
        cls.twin_b = Partner.create(
            {**common, "name": "Вега", "phone": "8 495 1234567", "client_properties": {"code_1c": "К-0101"}}
        )
        cls.Duplicate = cls.env["crm.client.duplicate"]

    def _choose(self, name):
        self.card.dedup_property = name
        self.env.flush_all()

    def _grouped(self, partner):
        return self.Duplicate.search([("partner_ids", "in", partner.ids), ("state", "=", "open")]).partner_ids

    def test_ignored_unless_chosen(self):
        self.assertFalse(any((self.first | self.second).mapped("dedup_ref_key")))
        self.Duplicate.scan()
        self.assertFalse(self._grouped(self.first), "no property compared before one is chosen")
        self.assertEqual(self._grouped(self.twin_a), self.twin_a | self.twin_b, "same name and phone")

    def test_same_value_is_one_client_another_is_two(self):
        self._choose("code_1c")
        self.assertEqual(self.first.dedup_ref_key, keys.ref_key("code_1c", "К-0042"))
        self.assertEqual(self.first.dedup_ref_key, self.second.dedup_ref_key, "case and punctuation aside")
        self.Duplicate.scan()
        group = self.Duplicate.search([("partner_ids", "in", self.first.ids)])
        self.assertEqual(group.partner_ids, self.first | self.second)
        self.assertEqual(group.main_reason, "ref")
        self.assertIn("к0042", group.with_context(lang="en_US").reasons)
        self.assertTrue(group.likely)
        self.assertFalse(self._grouped(self.twin_a), "two customer numbers are two clients")

    def test_lookup_and_import_compare_it(self):
        self._choose("code_1c")
        # A card being typed (not saved).
        form = Form(self.env["res.partner"])
        form.client_type = "company"
        form.name = "Совсем иное название"
        form.client_properties = {"code_1c": "K0042"}
        self.assertFalse(form.dedup_candidate_ids, "a Latin K is another number")
        form.client_properties = {"code_1c": "к-0042"}
        self.assertIn(self.first, form.dedup_candidate_ids)
        Finder = self.env["crm.client.duplicate.finder"]
        found = Finder._match_values(
            [
                {"name": "Новое имя", "client_type": "company", "client_properties": {"code_1c": "К0042"}},
                {
                    "name": "Вега",
                    "phone": "+74951234567",
                    "client_type": "company",
                    "client_properties": {"code_1c": "К-0999"},
                },
            ]
        )
        self.assertIn(found[0]["partner_id"], (self.first | self.second).ids)
        self.assertIn("same_ref", found[0]["reason_codes"])
        self.assertIsNone(found[1], "another customer number: a new client, whatever the name and phone")

    def test_incremental_scan_and_recompute_on_change(self):
        self._choose("code_1c")
        third = self.env["res.partner"].create(
            {"name": "Ещё одно имя", "is_company": True, "client_properties": {"code_1c": "К 0042"}}
        )
        self.env.flush_all()
        groups = self.Duplicate.scan_partners(third)
        self.assertEqual(groups.partner_ids, self.first | self.second | third)
        # Choosing no property clears every key of the type.
        self._choose(False)
        self.assertFalse(any((self.first | self.second | third).mapped("dedup_ref_key")))
        self._choose("code_1c")
        self.assertTrue(third.dedup_ref_key)
        # A property removed from the card identifies nothing more.
        self.card.properties_definition = [{"name": "staff", "string": "Staff", "type": "integer"}]
        self.env.flush_all()
        self.assertFalse(self.card.dedup_property)
        self.assertFalse(third.dedup_ref_key)

    def test_only_a_text_or_number_of_its_own_card(self):
        with self.assertRaises(ValidationError):
            self.card.dedup_property = "tier"
        person_card = self.env.ref("crm_client_base.crm_client_card_private_person")
        with self.assertRaises(ValidationError):
            person_card.dedup_property = "code_1c"

    def test_a_colleague_s_client_is_named_by_its_holder_only(self):
        self._choose("code_1c")
        (self.first | self.second).user_id = self.boris
        card = (
            self.env["res.partner"]
            .with_user(self.anna)
            .new({"name": "Новая фирма", "is_company": True, "client_properties": {"code_1c": "К-0042"}})
        )
        self.assertFalse(card.dedup_candidate_ids)
        self.assertIn("Борис Петров", card.dedup_candidate_info)
        self.assertIn("the same client number", card.dedup_candidate_info)
        for secret in ("Альфа", "Север", "0042"):
            self.assertNotIn(secret, card.dedup_candidate_info)
