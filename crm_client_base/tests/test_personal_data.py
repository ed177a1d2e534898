# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo.tests import new_test_user, tagged

from .common import ClientTourCase


@tagged("post_install", "-at_install")
class TestPersonalData(ClientTourCase):
    """Subject access: a person's personal data as JSON and PDF, to whoever reads the card only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        salesman = "base.group_user,sales_team.group_sale_salesman"
        cls.env["res.lang"]._activate_lang("en_US")
        cls.anna = new_test_user(cls.env, login="ccb_pd_anna", groups=salesman, name="Анна Иванова", lang="en_US")
        cls.boris = new_test_user(cls.env, login="ccb_pd_boris", groups=salesman, name="Борис Петров")
        cls.person = cls.env["res.partner"].create(
            {
                "name": "Соколов Пётр",
                "email": "petr@example.ru",
                "phone": "+7 916 700-80-90",
                "birthday": "1980-05-04",
                "user_id": cls.anna.id,
                "family_member_ids": [(0, 0, {"name": "Соколова Мария", "relation": "spouse"})],
            }
        )
        cls.env["crm.client.consent"].create(
            {"partner_id": cls.person.id, "purpose_id": cls.env.ref("crm_client_base.consent_purpose_contract").id}
        )

    def test_json_to_who_reads_the_card_only(self):
        self.authenticate(self.anna.login, self.anna.login)
        response = self.url_open(f"/crm_client_base/personal_data/{self.person.id}")
        self.assertEqual(response.status_code, 200)
        data = json.loads(response.content)
        self.assertEqual(data["card"]["email"], "petr@example.ru")
        self.assertEqual(data["card"]["birthday"], "1980-05-04")
        self.assertEqual([member["label"] for member in data["family_members"]], ["Соколова Мария"])
        self.assertEqual(len(data["consents"]), 1)
        self.assertEqual(data["exported_by"], "Анна Иванова")
        self.assertTrue(self.person.message_ids.filtered(lambda m: "Personal data exported (JSON)" in (m.body or "")))
        self.authenticate(self.boris.login, self.boris.login)
        response = self.url_open(f"/crm_client_base/personal_data/{self.person.id}")
        self.assertEqual(response.status_code, 404, "answered as a card that does not exist")
        self.assertNotIn(b"petr@example.ru", response.content)
        self.assertNotIn("Соколов".encode(), response.content, "not even the name in the error")

    def test_pdf(self):
        report = self.env.ref("crm_client_base.action_report_client_personal_data").with_user(self.anna)
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, self.person.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        html = report._render_qweb_html(report.report_name, self.person.ids)[0].decode()
        self.assertIn("Соколова Мария", html)
        self.assertIn("petr@example.ru", html)
