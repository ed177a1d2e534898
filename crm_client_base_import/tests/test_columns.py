# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.crm_client_base.tests.common import ClientBaseCase

from .common import csv_file

HEADER = ["Наименование", "Телефон", "Доп. телефон", "Источник", "Менеджер", "Отрасль"]
ROWS = [
    HEADER,
    ["ООО «Колонка»", "+7 495 700-40-50", "+7 916 700-40-51", "выставка", "Иванов", "торговля"],
    ["ИП Столбов", "+7 495 700-40-52", "", "сайт", "Петров", ""],
]


@tagged("post_install", "-at_install")
class TestColumns(ClientBaseCase):
    """The columns step: a file's unknown columns mapped by the user, the mapping saved and
    applied again to a file with the same header line."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.ru")
        cls.Import = cls.env["crm.client.import"].with_user(cls.anna)

    def _wizard(self, rows, name="clients.csv", user=None):
        Import = self.Import.with_user(user) if user else self.Import
        wizard = Import.create({"file": base64.b64encode(csv_file(rows)), "file_name": name, "assign_mode": "me"})
        wizard.action_preview()
        return wizard

    def _targets(self, wizard):
        return {column.header: column.target for column in wizard.column_ids}

    def test_columns_mapped_saved_and_applied_again(self):
        wizard = self._wizard(ROWS)
        self.assertEqual(wizard.state, "columns", "unknown columns holding values: the user says what they hold")
        self.assertFalse(wizard.line_ids)
        self.assertEqual(
            {column.header: column.sample for column in wizard.column_ids},
            {
                "Доп. телефон": "+7 916 700-40-51",
                "Источник": "выставка · сайт",
                "Менеджер": "Иванов · Петров",
                "Отрасль": "торговля",
            },
        )
        targets = {"Доп. телефон": "mobile", "Источник": "notes", "Менеджер": "ignore"}
        for column in wizard.column_ids:
            column.target = targets.get(column.header, False)
        wizard.mapping_name = "Таблица отдела"
        wizard.action_preview()
        self.assertEqual(wizard.state, "checked")
        self.assertEqual(wizard.create_count, 2)
        self.assertIn("Columns not imported: Отрасль.", wizard.file_notes, "left empty: listed, the ignored one not")
        self.assertNotIn("Менеджер", wizard.file_notes)
        self.assertEqual(wizard.mapping_id.name, "Таблица отдела")
        wizard.action_import()
        client = wizard.partner_ids.filtered(lambda partner: partner.name == "ООО «Колонка»")
        self.assertTrue(client.mobile.startswith("+7 916 700"), client.mobile)
        self.assertIn("Источник: выставка", client.comment)
        self.assertNotIn("Иванов", client.comment or "")

        # A file with the same header line, by another salesperson of the company: mapped at once.
        again = self._wizard(ROWS, name="other.csv", user=self.boris)
        self.assertEqual(again.state, "checked")
        self.assertEqual(again.mapping_id.name, "Таблица отдела")
        self.assertIn("Columns mapped as in Таблица отдела.", again.file_notes)
        # And the mapping can be changed from there.
        again.action_map_columns()
        self.assertEqual(again.state, "columns")
        self.assertEqual(self._targets(again)["Источник"], "notes")
        self.assertFalse(self._targets(again)["Отрасль"])
        # The columns of another's import show its values: not to another salesperson.
        with self.assertRaises(AccessError):
            again.column_ids.with_user(self.anna).read(["sample"])
        again.action_back()
        self.assertEqual((again.state, len(again.column_ids)), ("draft", 0))

    def test_a_file_of_known_columns_goes_straight_to_the_check(self):
        wizard = self._wizard([["Наименование", "Телефон", "Пусто"], ["ООО «Ясно»", "+7 495 700-40-53", ""]])
        self.assertEqual((wizard.state, wizard.has_open_columns), ("checked", False))

    def test_a_known_export_lists_its_other_columns_and_may_map_them(self):
        header = ["First Name", "Middle Name", "Last Name", "Company", "Business Phone", "E-mail Address", "Categories"]
        rows = [header, ["Анна", "", "Лебедева", "ООО «Экспорт»", "+7 495 700-20-30", "", "VIP"]]
        wizard = self._wizard(rows, name="outlook.csv")
        self.assertEqual(wizard.state, "checked", "an export's many columns do not stop it")
        self.assertIn("Columns not imported: Categories.", wizard.file_notes)
        wizard.action_map_columns()
        self.assertEqual(self._targets(wizard), {"Categories": False})
        wizard.column_ids.target = "notes"
        wizard.action_preview()
        self.assertNotIn("Categories", wizard.file_notes or "")
        wizard.action_import()
        company = wizard.partner_ids.filtered("is_company")
        self.assertIn("Categories: VIP", company.comment)


@tagged("post_install", "-at_install")
class TestPropertyColumns(ClientBaseCase):
    """Card properties as import columns: headed as the property, or mapped in the columns step;
    each line fills the properties of its client type's card."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.ru")
        cls.env.ref("crm_client_base.crm_client_card_company").properties_definition = [
            {"name": "sector", "string": "Отрасль", "type": "char"},
            {"name": "staff", "string": "Сотрудников", "type": "integer"},
            {"name": "tier", "string": "Уровень", "type": "selection", "selection": [["a", "Первый"], ["b", "Второй"]]},
        ]
        cls.env.ref("crm_client_base.crm_client_card_private_person").properties_definition = [
            {"name": "pet", "string": "Питомец", "type": "char"},
        ]
        cls.Import = cls.env["crm.client.import"].with_user(cls.anna)

    def _wizard(self, rows, **values):
        wizard = self.Import.create(
            {"file": base64.b64encode(csv_file(rows)), "file_name": "p.csv", "assign_mode": "me", **values}
        )
        wizard.action_preview()
        return wizard

    def test_property_columns_fill_the_card_of_each_type(self):
        rows = [
            ["Наименование", "Телефон", "Отрасль", "Сотрудников", "Уровень", "Питомец"],
            ["ООО «Карточка»", "+7 495 700-50-60", "розница", "1 200", "второй", ""],
            ["Петров Пётр", "+7 916 700-50-61", "", "", "", "кот"],
            ["ООО «Ошибка»", "+7 495 700-50-62", "", "много", "", ""],
            ["ООО «Кошка»", "+7 495 700-50-63", "", "", "", "кошка"],
        ]
        wizard = self._wizard(rows)
        self.assertEqual(wizard.state, "checked", "columns headed as properties need no mapping")
        outcomes = {line.line_number: (line.action, line.message) for line in wizard.line_ids}
        self.assertEqual(outcomes[4], ("refuse", "Сотрудников много is not a number."))
        wizard.action_import()
        company = wizard.partner_ids.filtered(lambda p: p.name == "ООО «Карточка»")
        self.assertEqual(company._client_property_values(), {"sector": "розница", "staff": 1200, "tier": "b"})
        person = wizard.partner_ids.filtered(lambda p: p.name == "Петров Пётр")
        self.assertEqual(person._client_property_values(), {"pet": "кот"})
        other = wizard.partner_ids.filtered(lambda p: p.name == "ООО «Кошка»")
        self.assertIn("Питомец: кошка", other.comment, "a property of another card: kept in the notes")

    def test_an_update_fills_empty_properties_only(self):
        client = self.env["res.partner"].create(
            {"name": "ООО «Есть»", "is_company": True, "vat": "7707083893", "user_id": self.anna.id}
        )
        client.client_properties = {"sector": "опт"}
        rows = [["Наименование", "ИНН", "Отрасль", "Сотрудников"], ["ООО «Есть»", "7707083893", "розница", "15"]]
        wizard = self._wizard(rows)
        self.assertEqual(wizard.update_count, 1)
        wizard.action_import()
        self.assertEqual(client._client_property_values(), {"sector": "опт", "staff": 15, "tier": False})

    def test_template_has_the_property_columns_and_mapping_offers_them(self):
        self.assertIn(("property:staff", "Company card: Сотрудников"), self.Import._property_targets())
        wizard = self._wizard([["Наименование", "Штат"], ["ООО «Штат»", "30"]])
        self.assertEqual(wizard.state, "columns")
        wizard.column_ids.target = "property:staff"
        wizard.action_preview()
        wizard.action_import()
        self.assertEqual(wizard.partner_ids._client_property_values()["staff"], 30)
