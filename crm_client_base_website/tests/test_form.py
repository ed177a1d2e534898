# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
import time

from odoo.tests import new_test_user, tagged

from odoo.addons.crm_client_base.tests.common import ClientTourCase
from odoo.addons.http_routing.tests.common import MockRequest


@tagged("post_install", "-at_install")
class TestClientForm(ClientTourCase):
    """The contact form as a visitor sends it, over real HTTP: matched, normalized, consent
    recorded, spam counted and not stored."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.website = cls.env["website"].get_current_website()
        cls.company = cls.website.company_id
        cls.company.country_id = cls.env.ref("base.ru")
        cls.website.write({"client_form_min_seconds": 3, "client_form_rate_limit": 5})
        cls.purpose = cls.env.ref("crm_client_base.consent_purpose_contract")
        cls.anna = new_test_user(
            cls.env, login="web_anna", groups="sales_team.group_sale_salesman", name="Анна Иванова"
        )
        cls.Partner = cls.env["res.partner"].with_context(active_test=False)
        cls.Spam = cls.env["crm.client.website.spam"]
        cls.sent = {
            "name": "Ирина Соколова",
            "company": "ООО «Весна»",
            "inn": "7707083893",
            "phone": "8 (495) 765-43-21",
            "email": "Irina@Vesna.example",
            "message": "Нужен расчёт поставки",
            "consent": "1",
        }

    def _post(self, values, age=60, path="/client-form"):
        """Open the form's page (its session's CSRF token), then send ``values`` as if the form
        was shown ``age`` seconds ago."""
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        token = self.env["crm.client.website.form"]._token(now=time.time() - age)
        data = {"csrf_token": csrf, "form_token": token, **values}
        return self.url_open("/client-form/submit", data=data, allow_redirects=False)

    def _count(self, reason):
        return sum(self.Spam.search([("reason", "=", reason)]).mapped("count"))

    def _firm(self):
        return self.Partner.search([("vat", "=", "7707083893"), ("is_company", "=", True)])

    def _clients(self, **domain):
        return self.Partner.search([(key, "=", value) for key, value in domain.items()])

    def test_new_visitor_lands_in_the_free_pool(self):
        campaign_page = "/client-form?utm_campaign=Весна-2026"
        response = self._post(self.sent, path=campaign_page)
        self.assertEqual(response.status_code, 303, response.text[:300])
        self.assertTrue(response.headers["Location"].endswith("/client-form/thanks"))
        firm = self._firm()
        self.assertEqual(len(firm), 1)
        self.assertEqual(firm.name, "ООО «Весна»")
        self.assertFalse(firm.user_id, "in the free pool")
        self.assertEqual(firm.source_id, self.env.ref("crm_client_base_website.utm_source_website"))
        self.assertEqual(firm.company_id, self.company)
        person = firm.child_ids
        self.assertEqual(person.name, "Ирина Соколова")
        self.assertEqual(person.phone, "+7 495 765-43-21", "normalized by the card's standards")
        self.assertEqual(person.email, "Irina@vesna.example", "the domain in lower case")
        consent = self.env["crm.client.consent"].search([("partner_id", "=", person.id)])
        self.assertEqual((consent.purpose_id, consent.source), (self.purpose, "website"))
        self.assertEqual(consent.text_version, self.purpose.version)
        interaction = self.env["crm.client.interaction"].search([("partner_id", "=", firm.id)])
        self.assertEqual((interaction.direction, interaction.contact_id), ("inbound", person))
        self.assertIn("Нужен расчёт поставки", interaction.note)
        activity = firm.activity_ids
        self.assertEqual(activity.user_id, firm._client_pool_activity_users(), "held for the pool")
        # The salesperson who takes the client takes the request.
        firm.with_user(self.anna).action_take_from_pool()
        self.assertEqual((firm.user_id, activity.user_id), (self.anna, self.anna))

    def test_campaign_from_the_address(self):
        # The interaction copies the page's campaign into the form; the cookie Odoo's utm sets
        # for the visit is the fallback.
        self._post({**self.sent, "utm_campaign": "Весна-2026", "utm_medium": "Баннер"})
        firm = self._firm()
        self.assertEqual(firm.campaign_id.name, "Весна-2026")
        self.assertEqual(firm.medium_id.name, "Баннер")

    def test_same_visitor_twice_is_one_client(self):
        self._post(self.sent)
        firm = self._firm()
        firm.user_id = self.anna
        again = {**self.sent, "company": "Весна", "inn": "", "message": "Где расчёт?"}
        response = self._post(again)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self._firm(), firm)
        self.assertFalse(self.Partner.search([("name", "=", "Весна"), ("is_company", "=", True)]))
        self.assertEqual(len(firm.child_ids), 1, "the same contact")
        interactions = self.env["crm.client.interaction"].search([("partner_id", "=", firm.id)])
        self.assertEqual(len(interactions), 2)
        answer = firm.activity_ids.filtered(lambda a: "Где расчёт?" in (a.note or ""))
        self.assertEqual(answer.user_id, self.anna, "an activity for the client's salesperson")
        self.assertEqual(len(self.env["crm.client.consent"].search([("partner_id", "=", firm.child_ids.id)])), 2)

    def test_existing_client_never_shown_to_the_visitor(self):
        known = self.Partner.create(
            {
                "name": "ООО «Тайна»",
                "is_company": True,
                "phone": "+7 495 111-22-33",
                "street": "Секретная, 1",
                "user_id": self.anna.id,
            }
        )
        response = self._post({**self.sent, "company": "Тайна", "inn": "", "phone": "+74951112233"})
        self.assertEqual(response.status_code, 303)
        thanks = self.url_open(response.headers["Location"])
        for secret in ("Секретная", "Анна", str(known.id)):
            self.assertNotIn(secret, thanks.text)
        self.assertEqual(len(known.child_ids), 1)

    def test_bad_phone_is_said_on_the_form(self):
        before = self.Partner.search_count([])
        response = self._post({**self.sent, "phone": "12-34"})
        self.assertEqual(response.status_code, 200)
        # The card's own message by the field (in the website's language), the value in it.
        self.assertRegex(response.text, r'id="ccb_phone"[^>]*is-invalid')
        self.assertRegex(response.text, r'invalid-feedback">[^<]*12-34')
        self.assertIn('value="Ирина Соколова"', response.text, "the visitor's values are kept")
        self.assertEqual(self.Partner.search_count([]), before)

    def test_bad_inn_and_missing_consent(self):
        before = self.Partner.search_count([])
        response = self._post({**self.sent, "inn": "7707083894", "consent": ""})
        self.assertEqual(response.status_code, 200)
        self.assertRegex(response.text, r'invalid-feedback">[^<]*7707083894')
        self.assertRegex(response.text, r'id="ccb_consent"[^>]*is-invalid')
        self.assertEqual(self.Partner.search_count([]), before)

    def test_honeypot_token_and_speed(self):
        before = self.Partner.search_count([])
        response = self._post({**self.sent, "fax_number": "+1 555 0100"})
        self.assertEqual(response.status_code, 303, "a robot is thanked")
        response = self._post({**self.sent, "form_token": "1700000000.forged"})
        self.assertEqual(response.status_code, 303)
        response = self._post(self.sent, age=1)
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_client_form_error", response.text)
        self.assertEqual(self.Partner.search_count([]), before, "spam is not stored")
        self.assertEqual([self._count(r) for r in ("honeypot", "token", "fast")], [1, 1, 1])

    def test_rate_limit_per_address(self):
        self.website.client_form_rate_limit = 2
        for index in range(2):
            response = self._post({**self.sent, "email": f"v{index}@example.com", "inn": "", "company": ""})
            self.assertEqual(response.status_code, 303)
        response = self._post({**self.sent, "email": "v3@example.com", "inn": "", "company": ""})
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_client_form_error", response.text)
        self.assertEqual(self._count("rate"), 1)
        self.assertFalse(self._clients(email="v3@example.com"))
        # Another address is not limited by this one.
        Attempt = self.env["crm.client.website.attempt"]
        self.assertTrue(Attempt._allow(self.website, "203.0.113.9"))
        self.assertFalse(Attempt.search([("address_key", "=", "127.0.0.1")]), "the address itself is not kept")

    def test_form_in_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.website.language_ids |= self.env.ref("base.lang_ru")
        page = self.url_open("/ru/client-form")
        self.assertEqual(page.status_code, 200)
        for text in ("Ваше имя", "ИНН", "Отправить", self.purpose.with_context(lang="ru_RU").text):
            self.assertIn(text, page.text)

    def test_snippet_offered_in_the_editor(self):
        with MockRequest(self.env, website=self.website):
            snippets = self.env["ir.ui.view"].render_public_asset("website.snippets")
        block = re.search(r'<div[^>]*data-oe-snippet-key="s_client_form".*?</form>', snippets, re.S)
        self.assertTrue(block, "the snippet is in the editor's blocks")
        self.assertIn('data-o-group="contact_and_forms"', block.group(0))
        self.assertIn('action="/client-form/submit"', block.group(0))
