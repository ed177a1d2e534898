# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import ClientBaseCase


@tagged("post_install", "-at_install")
class TestCardProperties(ClientBaseCase):
    """The properties a company adds to the card of each client type: on the card, searched,
    tracked property by property, restored from the History dialog."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_card = cls.env.ref("crm_client_base.crm_client_card_company")
        cls.person_card = cls.env.ref("crm_client_base.crm_client_card_private_person")
        cls.company_card.properties_definition = [
            {"name": "sector", "string": "Sector", "type": "char"},
            {"name": "staff", "string": "Staff", "type": "integer"},
            {"name": "tier", "string": "Tier", "type": "selection", "selection": [["a", "Tier A"], ["b", "Tier B"]]},
            {"name": "since", "string": "Client since", "type": "date"},
        ]
        cls.person_card.properties_definition = [{"name": "pet", "string": "Pet", "type": "char"}]
        cls.client = cls.env["res.partner"].create(
            {"name": "ООО «Свойство»", "is_company": True, "user_id": cls.anna.id}
        )
        cls.client.client_properties = {"sector": "retail", "staff": 12, "tier": "a", "since": "2020-03-01"}
        cls.env.flush_all()
        cls.env.cr.flush()

    def _flush(self):
        # The tracking is written before the commit.
        self.env.flush_all()
        self.env.cr.flush()

    def _history(self, partner):
        return self.env["crm.client.history.wizard"].create({"partner_id": partner.id}).line_ids

    def test_each_client_type_has_its_card(self):
        person = self.env["res.partner"].create({"name": "Иванов Иван", "client_properties": {"pet": "кот"}})
        self.assertEqual((self.client.client_card_id, person.client_card_id), (self.company_card, self.person_card))
        self.assertEqual(dict(person.client_properties), {"pet": "кот"}, "a private person's card: no company fields")
        self.assertEqual(set(dict(self.client.client_properties)), {"sector", "staff", "tier", "since"})
        Partner = self.env["res.partner"]
        self.assertEqual(Partner.search([("client_properties.sector", "=", "retail")]), self.client)
        self.assertIn(person, Partner.search([("client_card_id", "in", self.person_card.ids)]))
        groups = Partner.formatted_read_group(
            [("client_type", "=", "company"), ("client_properties.sector", "!=", False)],
            ["client_properties.sector"],
            ["__count"],
        )
        self.assertEqual([(g["client_properties.sector"], g["__count"]) for g in groups], [("retail", 1)])

    def test_salesperson_fills_the_card_not_its_definition(self):
        own = self.client.with_user(self.anna)
        own.client_properties = {**own._client_property_values(), "staff": 40}
        self.assertEqual(
            self.client._client_property_values(), {"sector": "retail", "staff": 40, "tier": "a", "since": "2020-03-01"}
        )
        with self.assertRaises(AccessError):
            self.company_card.with_user(self.anna).properties_definition = []
        with self.assertRaises(AccessError):
            self.client.with_user(self.boris).read(["client_properties"])

    def test_changes_tracked_property_by_property_and_restored(self):
        self.client.with_user(self.anna).client_properties = {
            "sector": "wholesale",
            "staff": 15,
            "tier": "b",
            "since": "2021-01-01",
        }
        self._flush()
        lines = self._history(self.client.with_user(self.anna))
        changes = {line.field_description: (line.old_value, line.new_value) for line in lines}
        self.assertEqual(changes["Card properties: Sector"], ("retail", "wholesale"))
        self.assertEqual(changes["Card properties: Staff"], ("12", "15"))
        self.assertEqual(changes["Card properties: Tier"], ("Tier A", "Tier B"))
        self.assertTrue(all(lines.mapped("restorable")))
        for line in lines.filtered(lambda line: line.field_description.startswith("Card properties")):
            line.with_user(self.anna).action_restore()
        self.assertEqual(
            self.client._client_property_values(),
            {"sector": "retail", "staff": 12, "tier": "a", "since": "2020-03-01"},
            "each property back, the others kept",
        )

    def test_a_change_of_client_type_keeps_the_former_values_in_the_chatter(self):
        self.client.write({"client_type": "private_person", "is_company": False})
        self._flush()
        self.assertEqual(self.client.client_card_id, self.person_card)
        changes = {line.field_description: line.old_value for line in self._history(self.client)}
        self.assertEqual(changes.get("Card properties: Sector"), "retail")
        self.assertEqual(changes.get("Card properties: Staff"), "12")

    def test_completeness_can_require_a_property(self):
        Rule = self.env["crm.client.completeness.rule"]
        rule = Rule.create(
            {
                "name": "Sector",
                "client_type": "company",
                "requirement": "property",
                "property_name": "sector",
                "weight": 50,
            }
        )
        Rule.create(
            {
                "name": "Staff",
                "client_type": "company",
                "requirement": "property",
                "property_name": "staff",
                "weight": 5,
            }
        )
        with self.assertRaises(ValidationError):
            Rule.create({"name": "Pet", "client_type": "company", "requirement": "property", "property_name": "pet"})
        empty = self.env["res.partner"].create({"name": "ООО «Пусто»", "is_company": True})
        self.env["res.partner"].search([("client_type", "=", "company")])._client_compute_completeness()
        self.assertIn("Sector", empty.client_missing_fields)
        self.assertNotIn("Sector", self.client.client_missing_fields or "")
        requirement = empty.client_missing_requirement_ids.filtered(lambda r: r.property_name == "sector")
        self.assertEqual(requirement.name, "Sector", "the control groups the clients by it, as by any requirement")
        before = empty.client_completeness
        empty.client_properties = {"sector": "retail"}
        self.assertGreater(empty.client_completeness, before, "filling the property raises the score at once")
        self.assertNotIn(requirement, empty.client_missing_requirement_ids)
        groups = self.env["res.partner"].formatted_read_group(
            [("id", "in", (empty | self.client).ids)], ["client_missing_requirement_ids"], ["__count"]
        )
        self.assertNotIn(
            requirement.id,
            [g["client_missing_requirement_ids"] and g["client_missing_requirement_ids"][0] for g in groups],
        )
        self.assertEqual(rule.property_name, "sector")
