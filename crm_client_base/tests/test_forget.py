# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common import ClientBaseCase, text_leaks

NAME = "Фамилиев Забытый"
EMAIL = "zabyt@example.ru"


@tagged("post_install", "-at_install")
class TestForget(ClientBaseCase):
    """Forget a person: nothing of their name, phone or email left in any text column of any
    table; the card stays, anonymized, and its journal items with it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.boss = new_test_user(
            cls.env,
            login="ccb_forget_boss",
            groups="sales_team.group_sale_manager,account.group_account_invoice",
            lang="en_US",
        )
        hobby = cls.env["crm.client.hobby"].create({"name": "Рыбалка"})
        cls.person = cls.env["res.partner"].create(
            {
                "name": NAME,
                "email": EMAIL,
                "phone": "+7 916 765-43-21",
                "birthday": "1981-02-03",
                "street": "ул. Забытая, 7",
                "city": "Тверь",
                "telegram": "@zabytyi",
                "comment": f"<p>{NAME} любит рыбалку</p>",
                "hobby_ids": [Command.link(hobby.id)],
                "user_id": cls.anna.id,
                "family_member_ids": [Command.create({"name": "Забытая Мария", "relation": "spouse"})],
            }
        )
        cls.person.message_post(body=f"Звонил {NAME}, {EMAIL}", message_type="comment")
        cls.env["ir.attachment"].create(
            {
                "name": "passport.txt",
                "datas": base64.b64encode(NAME.encode()),
                "res_model": "res.partner",
                "res_id": cls.person.id,
            }
        )
        cls.env["crm.client.interaction"].create(
            {"partner_id": cls.person.id, "interaction_type": "call", "summary": f"{NAME} просил перезвонить"}
        )
        cls.person.write({"phone": "+7 916 765-43-22"})  # a tracked change: its old value in the chatter
        cls.env.flush_all()
        cls.env.cr.flush()

    def _leaks(self, needles):
        return text_leaks(self.env, needles)

    def test_forget_leaves_nothing_and_keeps_the_card(self):
        needles = ["Фамилиев", EMAIL, "765-43-2", "791676543", "zabytyi", "Забытая"]
        self.assertIn("res_partner.name", self._leaks(needles), "the search finds what is there")
        draft = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.person.id,
                "invoice_line_ids": [Command.create({"name": "Услуга", "price_unit": 100, "tax_ids": []})],
            }
        )
        wizard = (
            self.env["crm.client.forget.wizard"]
            .with_user(self.boss)
            .create({"partner_id": self.person.id, "reason": "Просьба человека"})
        )
        self.assertIn(draft.display_name, wizard.blockers)
        with self.assertRaisesRegex(UserError, "cannot be forgotten yet"):
            wizard.action_forget()
        draft.unlink()
        wizard = (
            self.env["crm.client.forget.wizard"]
            .with_user(self.boss)
            .create({"partner_id": self.person.id, "reason": "Просьба человека"})
        )
        self.assertFalse(wizard.blockers)
        self.assertIn("Family members: 1", wizard.preview)
        wizard.action_forget()
        self.assertEqual(self._leaks(needles), [])
        self.assertTrue(self.person.exists())
        self.assertEqual(self.person.name, f"Forgotten person #{self.person.id}")
        log = self.env["crm.client.forget.log"].search([("partner_id", "=", self.person.id)])
        self.assertEqual((log.user_id, log.reason), (self.boss, "Просьба человека"))

    def test_salesperson_may_not_forget_and_companies_are_not_persons(self):
        with self.assertRaises(AccessError):
            self.env["crm.client.forget.wizard"].with_user(self.anna).create(
                {"partner_id": self.person.id, "reason": "x"}
            )
        company = self.env["res.partner"].create({"name": "ООО «Фирма»", "is_company": True})
        with self.assertRaisesRegex(UserError, "private person or a key person"):
            company._client_forget("x")
