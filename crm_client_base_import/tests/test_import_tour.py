# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.tests import new_test_user, tagged

from odoo.addons.crm_client_base.tests.common import ClientTourCase

from ..tools import reader, template
from .common import csv_file


@tagged("post_install", "-at_install")
class TestImportTour(ClientTourCase):
    def test_check_and_import(self):
        self.env.company.country_id = self.env.ref("base.ru")
        # The steps read the messages in English.
        self.env["res.lang"]._activate_lang("en_US")
        self.env.ref("base.user_admin").lang = "en_US"
        rows = [
            ["Наименование", "ИНН", "Телефон", "Город"],
            ["ООО «Турист»", "7712345671", "+7 495 700-00-01", "Москва"],
            ["ООО Турист", "7712345671", "", "Москва"],
            ["ООО «Опечатка»", "7712345670", "", "Москва"],
            ["ИП Гостев", "", "8 916 700-00-02", "Тверь"],
        ]
        record = self.env["crm.client.import"].create(
            {"file": base64.b64encode(csv_file(rows, encoding="cp1251", delimiter=";")), "file_name": "клиенты.csv"}
        )
        self.start_tour(
            f"/odoo/action-crm_client_base_import.crm_client_import_action/{record.id}",
            "crm_client_base_import_check_and_import",
            login="admin",
        )
        self.assertEqual(record.state, "done")
        created = self.env["res.partner"].search([("name", "in", ["ООО «Турист»", "ИП Гостев"])])
        self.assertEqual(len(created), 2)
        self.assertEqual(record.partner_ids, created)

    def test_templates(self):
        """The template downloads in both formats and reads back with no unknown column; Odoo's
        import dialog of contacts offers it."""
        self.env["res.lang"]._activate_lang("en_US")
        self.env.ref("base.user_admin").lang = "en_US"
        self.authenticate("admin", "admin")
        for kind in ("xlsx", "csv"):
            response = self.url_open(f"/crm_client_base_import/template.{kind}")
            self.assertEqual(response.status_code, 200)
            table = reader.read(f"t.{kind}", response.content)
            self.assertEqual((table.lines, table.unknown), ([], []))
        self.assertIn(
            template.headers(False)[0].encode(), self.url_open("/crm_client_base_import/template.csv").content
        )
        self.assertEqual(self.url_open("/crm_client_base_import/template.pdf").status_code, 404)
        templates = self.env["res.partner"].get_import_templates()
        self.assertIn("/crm_client_base_import/template.xlsx", [t["template"] for t in templates])


@tagged("post_install", "-at_install")
class TestFirstHourTours(ClientTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env.company.country_id = cls.env.ref("base.ru")
        cls.salesperson = new_test_user(
            cls.env,
            login="ccb_imp_anna",
            groups="base.group_user,sales_team.group_sale_salesman",
            lang="ru_RU",
            name="Анна Иванова",
        )

    def test_template_downloads_before_a_file_is_chosen(self):
        self.start_tour(
            "/odoo/action-crm_client_base_import.crm_client_import_action/new",
            "crm_client_base_import_template_first",
            login=self.salesperson.login,
        )

    def test_telegram_handle_in_an_import(self):
        data = csv_file(
            [["Наименование", "Телефон", "Telegram"], ["ООО «Телеграм»", "+7 495 765-00-11", "@ivan_petrov"]]
        )
        record = (
            self.env["crm.client.import"]
            .with_user(self.salesperson)
            .create({"file": base64.b64encode(data), "file_name": "list.csv"})
        )
        self.start_tour(
            f"/odoo/action-crm_client_base_import.crm_client_import_action/{record.id}",
            "crm_client_base_import_telegram",
            login=self.salesperson.login,
        )
        client = self.env["res.partner"].search([("name", "=", "ООО «Телеграм»")])
        self.assertEqual(client.telegram, "@ivan_petrov")

    def test_columns_step(self):
        rows = [
            ["Наименование", "Телефон", "Источник", "Отрасль"],
            ["ООО «Колонка»", "+7 495 700-40-50", "выставка", "торговля"],
        ]
        record = (
            self.env["crm.client.import"]
            .with_user(self.salesperson)
            .create({"file": base64.b64encode(csv_file(rows)), "file_name": "columns.csv"})
        )
        self.start_tour(
            f"/odoo/action-crm_client_base_import.crm_client_import_action/{record.id}",
            "crm_client_base_import_columns",
            login=self.salesperson.login,
        )
        client = self.env["res.partner"].search([("name", "=", "ООО «Колонка»")])
        self.assertIn("Источник: выставка", client.comment)
        self.assertEqual(record.mapping_id.name, "Таблица отдела")
        self.assertEqual(record.mapping_id.columns, {"Источник": "notes", "Отрасль": False})

    def test_template_carries_the_card_properties(self):
        self.env.ref("crm_client_base.crm_client_card_company").properties_definition = [
            {"name": "sector", "string": "Отрасль", "type": "char"}
        ]
        self.authenticate(self.salesperson.login, self.salesperson.login)
        for kind in ("xlsx", "csv"):
            table = reader.read(f"t.{kind}", self.url_open(f"/crm_client_base_import/template.{kind}").content)
            self.assertEqual(table.unknown, ["Отрасль"], "the property's column, which the import maps by itself")
