# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common import ClientTourCase


@tagged("post_install", "-at_install")
class TestClientCardTour(ClientTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The test user works in Russian, as our users do.
        cls.env["res.lang"]._activate_lang("ru_RU")
        cls.env.ref("base.user_admin").lang = "ru_RU"

    def test_create_client_in_browser(self):
        self.start_tour("/odoo", "crm_client_base_client_card", login="admin")
        client = self.env["res.partner"].search([("name", "=", "ИП Тестов Тест Тестович")])
        self.assertEqual(client.client_type, "individual_entrepreneur")

    def test_log_call_and_restore_phone(self):
        client = self.env["res.partner"].create(
            {
                "name": "ООО Тур",
                "is_company": True,
                "country_id": self.env.ref("base.ru").id,
                "phone": "8 495 123 45 67",
            }
        )
        self.env.flush_all()
        self.env.cr.flush()
        client.phone = False  # a salesperson wiped it by mistake
        self.env.flush_all()
        self.env.cr.flush()
        self.start_tour(
            f"/odoo/action-crm_client_base.res_partner_action/{client.id}",
            "crm_client_base_log_call_restore_phone",
            login="admin",
        )
        self.assertEqual(client.phone, "+7 495 123-45-67")
        self.assertEqual(client.interaction_ids.mapped("summary"), ["Обсудили поставку"])
        self.assertEqual(client.interaction_ids.interaction_type, "call")

    def test_completeness_report_drill_down(self):
        self.env["res.partner"].create(
            {"name": "ООО Неполнота", "is_company": True, "user_id": self.env.ref("base.user_admin").id}
        )
        self.start_tour("/odoo", "crm_client_base_completeness", login="admin")

    def test_client_value_analysis(self):
        source = self.env["utm.source"].create({"name": "Сарафанное радио"})
        client = self.env["res.partner"].create({"name": "ООО «Аналитика»", "is_company": True, "source_id": source.id})
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": client.id,
                "invoice_date": "2026-01-15",
                "invoice_line_ids": [Command.create({"name": "Консультация", "price_unit": 1500, "tax_ids": []})],
            }
        )
        invoice.action_post()
        self.assertAlmostEqual(client.client_revenue, 1500)
        self.start_tour("/odoo", "crm_client_base_client_value", login="admin")


@tagged("post_install", "-at_install")
class TestFirstClientTour(ClientTourCase):
    def test_first_client_from_a_russian_phone_without_a_country(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env.company.country_id = self.env.ref("base.ru")
        anna = new_test_user(
            self.env,
            login="ccb_first_anna",
            groups="base.group_user,sales_team.group_sale_salesman",
            lang="ru_RU",
            name="Анна Иванова",
        )
        self.start_tour("/odoo", "crm_client_base_first_client", login=anna.login)
        client = self.env["res.partner"].search([("name", "=", "ООО «Первый клиент»")])
        self.assertEqual((client.phone, client.user_id), ("+7 495 123-45-67", anna))


@tagged("post_install", "-at_install")
class TestCardPropertiesTour(ClientTourCase):
    def test_manager_adds_a_property_and_fills_it(self):
        self.env["res.lang"]._activate_lang("en_US")
        manager = new_test_user(
            self.env,
            login="ccb_card_manager",
            groups="base.group_user,base.group_partner_manager,sales_team.group_sale_manager",
            lang="en_US",
        )
        # The card has a field already: "Add Property" in its block adds the next. (On a card
        # without any, the cog menu's "Edit Properties" adds a first one to each properties
        # field of the form, Odoo's own too, each opening its popover: not a stable path.)
        card = self.env.ref("crm_client_base.crm_client_card_company")
        card.properties_definition = [{"name": "staff", "string": "Staff", "type": "integer"}]
        client = self.env["res.partner"].create({"name": "ООО «Карточка»", "is_company": True})
        self.start_tour(
            f"/odoo/action-crm_client_base.res_partner_action/{client.id}",
            "crm_client_base_card_properties",
            login=manager.login,
        )
        self.assertEqual([prop["string"] for prop in card.properties_definition], ["Staff", "Sector"])
        name = card.properties_definition[1]["name"]
        self.assertEqual(client._client_property_values(), {"staff": False, name: "retail"})
        person_card = self.env.ref("crm_client_base.crm_client_card_private_person")
        self.assertFalse(person_card.properties_definition, "a company's field: not on a private person's card")


@tagged("post_install", "-at_install")
class TestConsentTour(ClientTourCase):
    def test_salesperson_records_and_withdraws_a_consent(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        seller = new_test_user(
            self.env,
            login="ccb_consent_seller",
            groups="base.group_user,sales_team.group_sale_salesman",
            lang="ru_RU",
        )
        client = self.env["res.partner"].create({"name": "Орлова Вера", "user_id": seller.id})
        self.start_tour(
            f"/odoo/action-crm_client_base.res_partner_action/{client.id}",
            "crm_client_base_consent",
            login=seller.login,
        )
        consent = client.client_consent_ids
        self.assertEqual(consent.purpose_id, self.env.ref("crm_client_base.consent_purpose_contract"))
        self.assertEqual((consent.recorded_uid, consent.source_ref), (seller, "Бланк №17"))
        self.assertTrue(consent.withdrawn_on)
        self.assertEqual(consent.withdrawn_uid, seller)

    def test_manager_forgets_a_person(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        boss = new_test_user(
            self.env,
            login="ccb_forget_tour_boss",
            groups="base.group_user,sales_team.group_sale_manager",
            lang="ru_RU",
        )
        person = self.env["res.partner"].create(
            {
                "name": "Забытов Тур",
                "email": "tur@zabyt.example",
                "family_member_ids": [(0, 0, {"name": "Забытова Ирина", "relation": "spouse"})],
            }
        )
        self.start_tour(
            f"/odoo/action-crm_client_base.res_partner_action/{person.id}", "crm_client_base_forget", login=boss.login
        )
        self.assertEqual(person.name, f"Забытое лицо №{person.id}")
        self.assertFalse(person.email)
        self.assertFalse(person.family_member_ids)
