# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.crm_client_base.tests.common import text_leaks

from .common import MergeCase


@tagged("post_install", "-at_install")
class TestMergeProperties(MergeCase):
    """A merge keeps the card properties: the empty ones filled from a merged card, the value
    chosen per property in the wizard, all of them back on an undo."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("crm_client_base.crm_client_card_company").properties_definition = [
            {"name": "sector", "string": "Sector", "type": "char"},
            {"name": "staff", "string": "Staff", "type": "integer"},
            {"name": "tier", "string": "Tier", "type": "selection", "selection": [["a", "Tier A"], ["b", "Tier B"]]},
        ]

    def _pair(self):
        first = self._client("ООО «Свойство»", phone="+7 495 111-22-33")
        second = self._client("Свойство", phone="+7 495 111-22-33")
        first.client_properties = {"sector": "retail", "staff": False, "tier": "a"}
        second.client_properties = {"sector": "wholesale", "staff": 40, "tier": "b"}
        self.env.flush_all()
        return first, second

    def test_wizard_offers_each_property_and_keeps_the_choice(self):
        first, second = self._pair()
        wizard = (
            self.env["crm.client.merge.wizard"]
            .with_user(self.manager)
            .with_context(active_model="res.partner", active_ids=(first | second).ids)
            .create({})
        )
        wizard.survivor_id = first
        wizard._onchange_survivor_id()
        lines = {line.field_name: line for line in wizard.line_ids}
        self.assertEqual(lines["client_properties.sector"].source_id, first)
        self.assertEqual(lines["client_properties.sector"].field_label, "Card properties: Sector")
        self.assertIn("wholesale", lines["client_properties.sector"].values_text)
        self.assertEqual(
            (lines["client_properties.staff"].source_id, lines["client_properties.staff"].reason), (second, "only")
        )
        self.assertEqual(lines["client_properties.tier"].preview, "Tier A")
        lines["client_properties.tier"].source_id = second
        wizard.action_merge()
        self.assertEqual(first.exists()._client_property_values(), {"sector": "retail", "staff": 40, "tier": "b"})

    def test_bulk_merge_fills_and_undo_gives_back(self):
        first, second = self._pair()
        log = self.env["crm.client.merge"].with_user(self.manager)._merge_partners(first | second, first)
        self.assertEqual(first._client_property_values(), {"sector": "retail", "staff": 40, "tier": "a"})
        log.with_user(self.manager).action_undo()
        self.env.invalidate_all()
        self.assertEqual(first._client_property_values(), {"sector": "retail", "staff": False, "tier": "a"})
        self.assertEqual(second._client_property_values(), {"sector": "wholesale", "staff": 40, "tier": "b"})

    def test_consents_of_every_card_kept_and_given_back(self):
        first = self._client("Соколов Пётр", is_company=False, phone="+7 916 111-22-33")
        second = self._client("Соколов Пётр Ильич", is_company=False, phone="+7 916 111-22-33")
        Consent = self.env["crm.client.consent"]
        mine = Consent.create(
            {"partner_id": first.id, "purpose_id": self.env.ref("crm_client_base.consent_purpose_contract").id}
        )
        theirs = Consent.create(
            {"partner_id": second.id, "purpose_id": self.env.ref("crm_client_base.consent_purpose_greetings").id}
        )
        self.env.flush_all()
        log = self.env["crm.client.merge"].with_user(self.manager)._merge_partners(first | second, first)
        self.assertEqual(first.client_consent_ids, mine | theirs, "a merge loses no consent")
        log.with_user(self.manager).action_undo()
        self.env.invalidate_all()
        self.assertEqual((first.client_consent_ids, second.client_consent_ids), (mine, theirs))

    def test_forgetting_a_merged_person_clears_the_merge_log(self):
        first = self._client("Забывалов Илья", is_company=False, phone="+7 916 333-22-11", email="ilya@zabyv.example")
        second = self._client("Забывалов Илья Петрович", is_company=False, phone="+7 916 333-22-11")
        self.env.flush_all()
        log = self.env["crm.client.merge"].with_user(self.manager)._merge_partners(first | second, first)
        self.assertIn("Забывалов", log.merged_names)
        first._client_forget("Просьба человека")
        self.assertEqual(text_leaks(self.env, ["Забывалов", "ilya@zabyv.example", "333-22-11", "79163332211"]), [])
        self.assertFalse(log.sudo().undo_data, "a merge of a forgotten person is final")
