# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.crm_client_base.tests.common import ClientBaseCase


@tagged("post_install", "-at_install")
class TestHiddenDuplicate(ClientBaseCase):
    """A salesperson who types a colleague's client learns that it exists and who holds it,
    nothing else; by the company's policy, its holder is asked to check the new card."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hidden = cls.env["res.partner"].create(
            {
                "name": "ООО «Секретный клиент»",
                "is_company": True,
                "phone": "+7 495 765-43-21",
                "street": "Тайная улица, 7",
                "user_id": cls.boris.id,
            }
        )
        cls.typed = {"name": "ООО «Секретный клиент»", "is_company": True, "phone": "+7 495 765-43-21"}
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")

    def _checks(self):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", self.hidden.id),
                ("activity_type_id", "=", self.todo.id),
            ]
        )

    def test_banner_names_the_holder_only(self):
        card = self.env["res.partner"].with_user(self.anna).new(self.typed)
        self.assertFalse(card.dedup_candidate_ids)
        self.assertIn("Борис Петров", card.dedup_candidate_info)
        self.assertNotIn("Тайная", card.dedup_candidate_info)
        self.assertNotIn(str(self.hidden.id), card.dedup_candidate_info)
        # the control: the holder sees the card itself, linked
        own = self.env["res.partner"].with_user(self.boris).new(self.typed)
        self.assertEqual(own.dedup_candidate_ids.ids, self.hidden.ids)
        self.assertIn(f"/odoo/contacts/{self.hidden.id}", own.dedup_candidate_info)

    def test_saving_anyway_asks_the_holder(self):
        card = self.env["res.partner"].with_user(self.anna).create(self.typed)
        check = self._checks()
        self.assertEqual(check.user_id, self.boris)
        self.assertIn("Анна Иванова", str(check.note))
        self.assertIn(f"/odoo/contacts/{card.id}", str(check.note))
        self.assertNotIn(self.anna.partner_id, self.hidden.message_partner_ids, "Anna follows nothing of it")
        # a card of nobody else's client asks no one
        self.env["res.partner"].with_user(self.anna).create({"name": "ООО «Совсем другое»", "is_company": True})
        self.assertEqual(len(self._checks()), 1)

    def test_policy_none_asks_no_one(self):
        self.env.company.client_hidden_duplicate_policy = "none"
        self.env["res.partner"].with_user(self.anna).create(self.typed)
        self.assertFalse(self._checks())
        card = self.env["res.partner"].with_user(self.anna).new(self.typed)
        self.assertNotIn("will be asked", card.with_context(lang="en_US").dedup_candidate_info)

    def test_shared_phone_of_a_hidden_client_names_its_holder_only(self):
        typed = {"name": "Кафе «Берёзка»", "is_company": True, "phone": "+7 (495) 765 43 21"}
        card = self.env["res.partner"].with_user(self.anna).with_context(lang="en_US").new(typed)
        info = card.dedup_candidate_info
        self.assertIn("A client held by Борис Петров has the same phone.", info)
        for secret in ("Секретный", "Тайная", str(self.hidden.id)):
            self.assertNotIn(secret, info)
        # Saving it asks no one: a shared phone is not a likely duplicate.
        self.env["res.partner"].with_user(self.anna).create(typed)
        self.assertFalse(self._checks())
        # The control: its holder sees whose phone it is, linked.
        own = self.env["res.partner"].with_user(self.boris).with_context(lang="en_US").new(typed)
        self.assertIn(f"/odoo/contacts/{self.hidden.id}", own.dedup_candidate_info)
        self.assertIn("the phone +74957654321 is on this card", own.dedup_candidate_info)

    def test_holders_activity_is_in_the_holders_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.anna.lang = "ru_RU"
        self.boris.lang = "en_US"
        self.env["res.partner"].with_user(self.anna).with_context(lang="ru_RU").create(self.typed)
        check = self._checks()
        self.assertEqual(check.summary, "Check a possible duplicate")
        self.assertIn("the same phone", str(check.note))
        # The control: a Russian-speaking holder reads it in Russian.
        check.unlink()
        self.boris.lang = "ru_RU"
        self.env["res.partner"].with_user(self.anna).with_context(lang="en_US").create(self.typed)
        self.assertNotEqual(self._checks().summary, "Check a possible duplicate")
