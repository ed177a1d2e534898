# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, freeze_time, tagged


@tagged("post_install", "-at_install")
@freeze_time("2026-06-15 10:00:00")
class TestInteraction(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"]
        cls.Interaction = cls.env["crm.client.interaction"]
        cls.client = cls.Partner.create({"name": "ООО Ромашка", "is_company": True})
        cls.director = cls.Partner.create({"name": "Иван Петров", "parent_id": cls.client.id})
        cls.other = cls.Partner.create({"name": "ООО Вектор", "is_company": True})

    def _log(self, days_ago, kind="call", partner=None, **vals):
        return self.Interaction.create(
            {
                "partner_id": (partner or self.client).id,
                "interaction_type": kind,
                "summary": f"{kind} {days_ago} days ago",
                "date": datetime(2026, 6, 15, 10) - timedelta(days=days_ago),
                **vals,
            }
        )

    def test_last_contact_and_counts(self):
        self.assertFalse(self.client.last_contact_date)
        self._log(200, "visit")
        self._log(40, "call")
        self._log(10, "meeting", contact_id=self.director.id)
        self._log(5, "call")
        self.assertEqual(self.client.last_contact_date, datetime(2026, 6, 10, 10))
        self.assertEqual(self.client.days_since_contact, 5)
        self.assertEqual(
            (self.client.calls_90d, self.client.meetings_90d, self.client.visits_90d, self.client.interaction_count),
            (2, 1, 0, 4),
        )
        # Deleting the latest moves the last contact back.
        self.client.interaction_ids.sorted("date")[-1].unlink()
        self.assertEqual(self.client.last_contact_date, datetime(2026, 6, 5, 10))

    def test_no_contact_for_n_days_search(self):
        never = self.Partner.create({"name": "Никогда", "is_company": True})
        self._log(5)
        self._log(45, partner=self.other)
        found = self.Partner.search(
            [("days_since_contact", ">=", 30), ("id", "in", (self.client | self.other | never).ids)]
        )
        self.assertEqual(found, self.other | never)
        recent = self.Partner.search([("days_since_contact", "<", 30), ("id", "in", (self.client | self.other).ids)])
        self.assertEqual(recent, self.client)

    def test_next_step_schedules_activity(self):
        interaction = self._log(0, next_step="Отправить КП", next_step_date="2026-06-18")
        activity = interaction.next_activity_id
        self.assertEqual(activity.res_id, self.client.id)
        self.assertEqual(activity.summary, "Отправить КП")
        self.assertEqual(str(activity.date_deadline), "2026-06-18")
        interaction.next_step_date = "2026-06-20"
        self.assertEqual(str(activity.date_deadline), "2026-06-20")
        self.assertEqual(len(self.client.activity_ids), 1)

    def test_done_call_activity_logs_interaction(self):
        call = self.env.ref("mail.mail_activity_data_call")
        activity = self.client.activity_schedule(activity_type_id=call.id, summary="Позвонить по оплате")
        activity.action_feedback(feedback="Обещали оплатить в пятницу")
        logged = self.client.interaction_ids
        self.assertEqual(len(logged), 1)
        self.assertEqual(logged.interaction_type, "call")
        self.assertEqual(logged.summary, "Позвонить по оплате")
        self.assertIn("пятницу", logged.note)
        todo = self.env.ref("mail.mail_activity_data_todo")
        self.client.activity_schedule(activity_type_id=todo.id).action_feedback()
        self.assertEqual(len(self.client.interaction_ids), 1, "a to-do is not an interaction")

    def test_logged_call_in_chatter(self):
        before = len(self.client.message_ids)
        self._log(0, summary="Обсудили поставку", contact_id=self.director.id, next_step="Выслать договор")
        notes = self.client.message_ids[: len(self.client.message_ids) - before]
        self.assertEqual(len(notes), 1)
        self.assertIn("Обсудили поставку", notes.body)
        self.assertIn("Иван Петров", notes.body)
        self.assertIn("Выслать договор", notes.body)
        self.assertEqual(notes.author_id, self.env.user.partner_id)

    def test_bad_input(self):
        for vals in (
            {"date": datetime(1900, 1, 1)},
            {"date": datetime(2027, 1, 1)},
            {"duration": -1},
            {"duration": 30},
            {"contact_id": self.Partner.create({"name": "Чужой", "parent_id": self.other.id}).id},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self._log(0, **vals)

    def test_log_from_card_action(self):
        action = self.director.with_context(interaction_type="meeting").action_log_interaction()
        self.assertEqual(action["context"]["default_partner_id"], self.client.id)
        self.assertEqual(action["context"]["default_contact_id"], self.director.id)
        self.assertEqual(action["context"]["default_interaction_type"], "meeting")
        self.assertEqual(self.client.action_open_interactions()["domain"], [("partner_id", "=", self.client.id)])

    def test_opening_a_card_does_not_grow_with_interactions(self):
        """Reading the card (its computed counters and first page of the timeline) takes the
        same number of queries with 500 interactions as with 5."""
        busy = self.Partner.create({"name": "Много звонков", "is_company": True})
        quiet = self.Partner.create({"name": "Мало звонков", "is_company": True})
        self.Interaction.create(
            [
                {
                    "partner_id": busy.id,
                    "summary": f"#{i}",
                    "date": datetime(2026, 6, 1) + timedelta(minutes=i),
                    "interaction_type": ("call", "meeting", "email", "message", "visit")[i % 5],
                }
                for i in range(500)
            ]
        )
        self._log(1, partner=quiet)
        self._log(2, partner=quiet)
        spec = {
            "name": {},
            "interaction_count": {},
            "last_contact_date": {},
            "days_since_contact": {},
            "calls_90d": {},
            "meetings_90d": {},
            "emails_90d": {},
            "messages_90d": {},
            "visits_90d": {},
            "interaction_ids": {
                "fields": {"date": {}, "summary": {}, "interaction_type": {}, "user_id": {}},
                "limit": 20,
                "order": "date desc",
            },
        }
        self.env.invalidate_all()
        with self.assertQueryCount(7):
            result = busy.web_read(spec)
        self.assertEqual(result[0]["interaction_count"], 500)
        # The web client gets every id, but the fields of the first page only.
        timeline = result[0]["interaction_ids"]
        self.assertEqual(len(timeline), 500)
        self.assertEqual(sum("summary" in line for line in timeline), 20)
        self.env.invalidate_all()
        with self.assertQueryCount(7):
            quiet.web_read(spec)
