# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import new_test_user, tagged

from odoo.addons.crm_client_base.tests.common import ClientBaseCase


@tagged("post_install", "-at_install")
class TestMailingImport(ClientBaseCase):
    """Mailing contacts brought in as clients through the import's dry run."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.country_id = cls.env.ref("base.ru")
        cls.marketer = new_test_user(
            cls.env,
            login="ccb_mailing_seller",
            groups="sales_team.group_sale_salesman,mass_mailing.group_mass_mailing_user",
            name="Мария Рассылкина",
        )
        cls.newsletter = cls.env["mailing.list"].create({"name": "Новости"})
        cls.offers = cls.env["mailing.list"].create({"name": "Акции"})
        Contact = cls.env["mailing.contact"]
        cls.company_person = Contact.create(
            {
                "name": "Анна Лебедева",
                "company_name": "ООО «Рассылка»",
                "email": "anna@rassylka.example",
                "list_ids": [(4, cls.newsletter.id)],
            }
        )
        cls.private = Contact.create(
            {"name": "Пётр Соколов", "email": "petr@example.ru", "list_ids": [(4, cls.offers.id)]}
        )
        cls.private.subscription_ids.opt_out = True
        cls.email_only = Contact.create({"email": "only@example.ru"})
        cls.known = cls.env["res.partner"].create(
            {"name": "ООО «Известная»", "is_company": True, "email": "info@known.example", "user_id": cls.marketer.id}
        )
        cls.known_contact = Contact.create({"name": "ООО «Известная»", "email": "info@known.example"})

    def test_dry_run_then_import(self):
        contacts = (self.company_person | self.private | self.email_only | self.known_contact).with_user(self.marketer)
        action = contacts.action_import_as_clients()
        wizard = self.env["crm.client.import"].with_user(self.marketer).browse(action["res_id"])
        self.assertEqual(wizard.state, "checked")
        self.assertIn("Read from 4 mailing contacts.", wizard.file_notes)
        outcomes = {line.name: line.action for line in wizard.line_ids}
        self.assertEqual(
            outcomes,
            {
                "ООО «Рассылка»": "create",
                "Пётр Соколов": "create",
                "only@example.ru": "create",
                "ООО «Известная»": "unchanged",
            },
        )
        wizard.assign_mode = "me"
        wizard.action_import()
        company = wizard.partner_ids.filtered(lambda partner: partner.name == "ООО «Рассылка»")
        self.assertTrue(company.is_company)
        self.assertEqual(company.child_ids.mapped("name"), ["Анна Лебедева"])
        self.assertEqual(company.child_ids.email, "anna@rassylka.example")
        self.assertIn("Mailing lists: Новости", company.comment)
        petr = wizard.partner_ids.filtered(lambda partner: partner.name == "Пётр Соколов")
        self.assertEqual((petr.client_type, petr.email), ("private_person", "petr@example.ru"))
        self.assertIn("Unsubscribed from: Акции", petr.comment)
        self.assertEqual(wizard.partner_ids.user_id, self.marketer)

    def test_a_salesperson_without_mailing_access_sees_no_contacts(self):
        action = self.env.ref("crm_client_base_mailing.mailing_contact_action_import_as_clients")
        self.assertIn(self.env.ref("sales_team.group_sale_salesman"), action.group_ids)
        self.assertFalse(self.env["mailing.contact"].with_user(self.anna).has_access("read"))


@tagged("post_install", "-at_install")
class TestMailingConsent(ClientBaseCase):
    """152-FZ: a marketing mailing to clients reaches the people with a marketing consent in
    force, where the company asks for consent; companies and the consented are mailed."""

    def test_mailing_skips_people_without_marketing_consent(self):
        Partner = self.env["res.partner"]
        consented = Partner.create({"name": "Орлова Вера", "email": "vera@example.ru"})
        withdrawn = Partner.create({"name": "Лисин Иван", "email": "ivan@example.ru"})
        never = Partner.create({"name": "Зайцев Марк", "email": "mark@example.ru"})
        company = Partner.create({"name": "ООО «Письмо»", "is_company": True, "email": "info@pismo.example"})
        marketing = self.env.ref("crm_client_base.consent_purpose_marketing")
        Consent = self.env["crm.client.consent"]
        Consent.create({"partner_id": consented.id, "purpose_id": marketing.id})
        Consent.create({"partner_id": withdrawn.id, "purpose_id": marketing.id}).action_withdraw()
        recipients = consented | withdrawn | never | company
        mailing = self.env["mailing.mailing"].create(
            {
                "subject": "Новости",
                "body_html": "<p>Новости</p>",
                "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                "mailing_domain": repr([("id", "in", recipients.ids)]),
            }
        )
        self.env.company.client_consent_required = False
        self.assertFalse(set(mailing._get_opt_out_list()) & set(recipients.mapped("email")))
        self.env.company.client_consent_required = True
        self.assertEqual(set(mailing._get_opt_out_list()), {"ivan@example.ru", "mark@example.ru"})
        mailing.action_send_mail()
        sent = mailing.mailing_trace_ids.filtered(lambda trace: trace.trace_status != "cancel")
        self.assertEqual(set(sent.mapped("email")), {"vera@example.ru", "info@pismo.example"})
