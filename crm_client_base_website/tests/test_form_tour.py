# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import new_test_user, tagged

from odoo.addons.crm_client_base.tests.common import ClientTourCase


@tagged("post_install", "-at_install")
class TestClientFormTour(ClientTourCase):
    def test_visitor_writes_and_a_salesperson_takes_the_client(self):
        website = self.env["website"].get_current_website()
        website.company_id.country_id = self.env.ref("base.ru")
        # A tour types faster than a person: the minimum fill time is tested on its own.
        website.client_form_min_seconds = 0
        # A Russian site and a Russian salesperson.
        self.env["res.lang"]._activate_lang("ru_RU")
        website.language_ids |= self.env.ref("base.lang_ru")
        anna = new_test_user(
            self.env,
            login="web_tour_anna",
            groups="sales_team.group_sale_salesman",
            name="Анна Иванова",
            lang="ru_RU",
        )
        self.start_tour("/ru/client-form?utm_campaign=Осень", "crm_client_base_website_form")
        firm = self.env["res.partner"].search([("name", "=", "ООО «Листопад»")])
        self.assertEqual(len(firm), 1)
        self.assertFalse(firm.user_id)
        self.assertEqual(firm.campaign_id.name, "Осень")
        self.assertEqual(firm.child_ids.phone, "+7 495 222-33-44")
        self.assertTrue(self.env["crm.client.consent"].search([("partner_id", "=", firm.child_ids.id)]))
        self.start_tour(f"/odoo/contacts/{firm.id}", "crm_client_base_website_take", login=anna.login)
        self.assertEqual(firm.user_id, anna)
        self.assertEqual(firm.activity_ids.user_id, anna)

    def test_snippet_on_any_page(self):
        """The snippet as the editor saves it in a page: static HTML whose tokens are stale or
        empty; the interaction gives it fresh ones, and the visitor's form goes through."""
        website = self.env["website"].get_current_website()
        website.company_id.country_id = self.env.ref("base.ru")
        website.client_form_min_seconds = 0
        html = self.url_open("/client-form").text
        section = re.search(r'<form action="/client-form/submit".*?</form>', html, re.S).group(0)
        section = re.sub(r'name="(csrf_token|form_token)" value="[^"]*"', r'name="\1" value=""', section)
        self.env["website.page"].create(
            {
                "name": "Landing",
                "url": "/landing-client-form",
                "type": "qweb",
                "website_id": website.id,
                "is_published": True,
                "arch": f'<t t-call="website.layout"><div id="wrap"><section class="s_client_form">{section}'
                "</section></div></t>",
            }
        )
        self.start_tour("/landing-client-form", "crm_client_base_website_snippet")
        self.assertEqual(len(self.env["res.partner"].search([("name", "=", "ООО «Листопад»")])), 1)
