# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestActivityTypes(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls.env["res.partner"].create({"name": "Мария Иванова"})

    def test_types_schedule_on_a_client(self):
        for xmlid in ("call", "congratulate", "gift", "follow_up"):
            activity_type = self.env.ref(f"crm_client_base_reminders.mail_activity_type_client_{xmlid}")
            activity = self.client.activity_schedule(activity_type_id=activity_type.id)
            self.assertEqual(activity.activity_type_id, activity_type)
            self.assertEqual(activity.res_id, self.client.id)
        self.assertEqual(len(self.client.activity_ids), 4)

    def test_types_are_translated(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        call = self.env.ref("crm_client_base_reminders.mail_activity_type_client_call")
        self.assertEqual(call.with_context(lang="ru_RU").name, "Звонок")
        gift = self.env.ref("crm_client_base_reminders.mail_activity_type_client_gift")
        self.assertEqual(gift.with_context(lang="ru_RU").name, "Отправить подарок")
