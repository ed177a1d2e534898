# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import freeze_time, tagged

from .common import ClientBaseCase


@tagged("post_install", "-at_install")
class TestHistory(ClientBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = cls.anna
        cls.client = cls.env["res.partner"].create(
            {
                "name": "ООО Ромашка",
                "is_company": True,
                "country_id": cls.env.ref("base.ru").id,
                "phone": "+7 495 123-45-67",
                "user_id": cls.salesman.id,
            }
        )
        cls._flush(cls)

    def _flush(self):
        self.env.flush_all()
        self.env.cr.flush()

    def _restore(self, partner, fname):
        wizard = self.env["crm.client.history.wizard"].create({"partner_id": partner.id})
        line = wizard.line_ids.filtered(lambda line: line.tracking_value_id.field_id.name == fname)[:1]
        self.assertTrue(line, f"no history line for {fname}")
        line.action_restore()
        self._flush()

    def test_restore_wiped_phone(self):
        self.client.with_user(self.salesman).write({"phone": False})
        self._flush()
        self.assertFalse(self.client.phone)
        self._restore(self.client.with_user(self.salesman), "phone")
        self.assertEqual(self.client.phone, "+7 495 123-45-67")
        # The restore is itself in the history, with who did it.
        changes = self.client.message_ids.tracking_value_ids.filtered(lambda v: v.field_id.name == "phone")
        self.assertEqual(len(changes), 2)
        self.assertTrue(self.client.message_ids.filtered(lambda m: "restored" in (m.body or "")))

    def test_restore_note_in_the_users_language_and_timezone(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.salesman.write({"tz": "Europe/Moscow", "lang": "ru_RU"})
        with freeze_time("2026-06-15 09:30:00"):
            self.client.with_user(self.salesman).write({"phone": False})
            self._flush()
        # As the web client calls it: the salesperson's user, language and timezone.
        env = self.env(user=self.salesman, context={"lang": "ru_RU", "tz": "Europe/Moscow"})
        wizard = env["crm.client.history.wizard"].create({"partner_id": self.client.id})
        wizard.line_ids.filtered(lambda line: line.tracking_value_id.field_id.name == "phone")[:1].action_restore()
        note = self.client.message_ids.filtered(lambda m: "восстановлено" in (m.body or ""))
        self.assertTrue(note)
        self.assertNotIn("2026-06-15 09:30:00", note[0].body, "no raw UTC timestamp")
        self.assertIn("12:30", note[0].body, "09:30 UTC is 12:30 in Moscow")

    def test_restore_selection_and_many2one(self):
        stage_before = self.client.client_stage_id
        self.client.write(
            {
                "client_type": "individual_entrepreneur",
                "user_id": False,
                "client_stage_id": self.env.ref("crm_client_base.stage_lost").id,
            }
        )
        self._flush()
        for fname in ("client_type", "user_id", "client_stage_id"):
            self._restore(self.client, fname)
        self.assertEqual(self.client.client_type, "company")
        self.assertEqual(self.client.user_id, self.salesman)
        self.assertEqual(self.client.client_stage_id, stage_before)

    def test_lines_show_old_and_new(self):
        self.client.write({"name": "ООО Ромашка-2"})
        self._flush()
        wizard = self.env["crm.client.history.wizard"].create({"partner_id": self.client.id})
        line = wizard.line_ids.filtered(lambda line: line.tracking_value_id.field_id.name == "name")
        self.assertEqual((line.old_value, line.new_value), ("ООО Ромашка", "ООО Ромашка-2"))
        self.assertEqual(line.author_id, self.env.user.partner_id)
