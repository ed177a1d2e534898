# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command, Domain
from odoo.tests import tagged

from .common import ClientBaseCase


@tagged("post_install", "-at_install")
class TestConsent(ClientBaseCase):
    """Consents to the processing of personal data (152-FZ): recorded, withdrawn, never edited;
    what needs a purpose follows it where the company asks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.greetings = cls.env.ref("crm_client_base.consent_purpose_greetings")
        cls.person = cls.env["res.partner"].create({"name": "Соколов Пётр", "user_id": cls.anna.id})
        cls.company = cls.env["res.partner"].create({"name": "ООО «Юрлицо»", "is_company": True})

    def test_recorded_withdrawn_never_edited(self):
        own = self.person.with_user(self.anna)
        own.write({"client_consent_ids": [Command.create({"purpose_id": self.greetings.id, "source": "paper"})]})
        consent = own.client_consent_ids
        self.assertEqual(
            (consent.recorded_uid, consent.text_version, consent.source), (self.anna, self.greetings.version, "paper")
        )
        self.assertEqual(own.client_consent_purpose_ids, self.greetings)
        with self.assertRaises(UserError):
            consent.source = "card"
        with self.assertRaises(UserError):
            consent.unlink()
        consent.action_withdraw()
        self.assertTrue(consent.withdrawn_on)
        self.assertEqual(consent.withdrawn_uid, self.anna)
        self.assertFalse(own.client_consent_purpose_ids)
        self.env.cr.flush()
        self.assertTrue(consent.sudo().message_ids.tracking_value_ids, "the withdrawal is tracked")
        with self.assertRaises(AccessError):
            consent.with_user(self.boris).read(["purpose_id"])

    def test_a_new_text_is_a_new_version(self):
        consent = self.env["crm.client.consent"].create({"partner_id": self.person.id, "purpose_id": self.greetings.id})
        version = self.greetings.version
        self.greetings.text = "Новый текст согласия"
        self.assertEqual(self.greetings.version, version + 1)
        self.assertEqual(consent.text_version, version, "a consent keeps the version it was given on")

    def test_what_needs_a_purpose_follows_it(self):
        Partner = self.env["res.partner"]
        other = Partner.create({"name": "Иванова Анна"})
        people = self.person | self.company | other
        domain = [("id", "in", people.ids)]
        self.env.company.client_consent_required = False
        self.assertEqual(Partner.search(Domain(domain) & Partner._client_consent_domain("greetings")), people)
        self.env.company.client_consent_required = True
        self.env["crm.client.consent"].create({"partner_id": self.person.id, "purpose_id": self.greetings.id})
        allowed = Partner.search(Domain(domain) & Partner._client_consent_domain("greetings"))
        self.assertEqual(allowed, self.person | self.company, "a company is no person; the other never consented")
        self.person.client_consent_ids.action_withdraw()
        allowed = Partner.search(Domain(domain) & Partner._client_consent_domain("greetings"))
        self.assertEqual(allowed, self.company)
