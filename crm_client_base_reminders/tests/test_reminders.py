# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, freeze_time, tagged

from odoo.addons.crm_client_base.tests.common import ClientBaseCase

REF = "crm_client_base_reminders."


@tagged("post_install", "-at_install")
class ReminderCase(ClientBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.resource_calendar_id.global_leave_ids.unlink()
        # Only what each test sets up: no shipped holiday or cadence, no other birthday.
        cls.env["crm.client.holiday"].search([]).active = False
        cls.env["crm.client.cadence"].search([]).active = False
        cls.env["res.partner"].search([("birthday", "!=", False)]).birthday = False
        cls.env["crm.client.family.member"].search([]).unlink()
        cls.salesman = cls.anna
        cls.salesman.tz = "Europe/Moscow"
        cls.colleague = cls.boris
        cls.congratulate = cls.env.ref(REF + "mail_activity_type_client_congratulate")
        cls.gift = cls.env.ref(REF + "mail_activity_type_client_gift")
        cls.follow_up = cls.env.ref(REF + "mail_activity_type_client_follow_up")
        cls.env.company.client_reminder_birthday_type_ids = cls.congratulate
        cls.Engine = cls.env["crm.client.reminder.engine"]

    def _client(self, **vals):
        return self.env["res.partner"].create(
            {"name": "ООО Клиент", "is_company": True, "user_id": self.salesman.id, "tz": "Europe/Moscow", **vals}
        )

    def _reminders(self, partners):
        return self.env["mail.activity"].search([("res_model", "=", "res.partner"), ("res_id", "in", partners.ids)])


class TestBirthdays(ReminderCase):
    def test_birthday_due_on_the_day_once(self):
        person = self._client(name="Иван Петров", is_company=False, birthday="1980-06-15")
        with freeze_time("2026-06-14 08:00:00"):
            self.Engine._cron_generate_reminders()
            self.assertFalse(self._reminders(person), "not due the day before")
        with freeze_time("2026-06-15 08:00:00"):
            self.Engine._cron_generate_reminders()
            self.Engine._cron_generate_reminders()  # a rerun creates nothing more
        activity = self._reminders(person)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.activity_type_id, self.congratulate)
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(activity.date_deadline, date(2026, 6, 15))
        self.assertIn("Иван Петров", activity.summary)

    def test_greetings_need_consent_where_the_company_asks(self):
        """152-FZ: a person's birthday (and their family's) is greeted only with a consent in
        force for greetings, when the company asks for consent; a company needs none."""
        self.env.company.client_consent_required = True
        asked = self._client(name="Иван Петров", is_company=False, birthday="1980-06-15")
        consented = self._client(name="Ольга Ким", is_company=False, birthday="1985-06-15")
        withdrawn = self._client(name="Пётр Ли", is_company=False, birthday="1975-06-15")
        self.env["crm.client.family.member"].create({"partner_id": asked.id, "name": "Мария", "birthday": "2010-06-15"})
        greetings = self.env.ref("crm_client_base.consent_purpose_greetings")
        Consent = self.env["crm.client.consent"]
        Consent.create({"partner_id": consented.id, "purpose_id": greetings.id})
        Consent.create({"partner_id": withdrawn.id, "purpose_id": greetings.id}).action_withdraw()
        with freeze_time("2026-06-15 08:00:00"):
            self.Engine._cron_generate_reminders()
        self.assertEqual(len(self._reminders(consented)), 1)
        self.assertFalse(self._reminders(asked), "no consent: neither their birthday nor their family's")
        self.assertFalse(self._reminders(withdrawn), "a withdrawn consent is none")

    def test_summary_in_the_language_of_the_user_it_goes_to(self):
        """The cron words each activity for its user: a Russian salesperson reads Russian, an
        English-speaking colleague English, whatever language the cron runs in."""
        self.env["res.lang"]._activate_lang("ru_RU")
        self.salesman.lang = "ru_RU"
        self.colleague.lang = "en_US"
        ivan = self._client(name="Иван Петров", is_company=False, birthday="1980-06-15")
        olga = self._client(name="Ольга Ким", is_company=False, birthday="1985-06-15", user_id=self.colleague.id)
        with freeze_time("2026-06-15 08:00:00"):
            self.Engine.with_context(lang="en_US")._cron_generate_reminders()
        self.assertEqual(self._reminders(ivan).summary, "День рождения: Иван Петров")
        self.assertEqual(self._reminders(olga).summary, "Birthday of Ольга Ким")

    def test_done_reminder_not_recreated(self):
        person = self._client(name="Анна", is_company=False, birthday="1990-06-15")
        with freeze_time("2026-06-15 08:00:00"):
            self.Engine._cron_generate_reminders()
            self._reminders(person).action_feedback(feedback="Поздравили")
            self.Engine._cron_generate_reminders()
            self.assertFalse(self._reminders(person))
        with freeze_time("2027-06-15 08:00:00"):
            self.Engine._cron_generate_reminders()
            self.assertEqual(len(self._reminders(person)), 1, "next year is another occasion")

    def test_gift_lead_time_and_weekend(self):
        self.env.company.client_reminder_birthday_type_ids = self.congratulate | self.gift
        # 20 June 2026 is a Saturday: the congratulation waits for Monday, the gift is due a week before.
        person = self._client(name="Ольга", is_company=False, birthday="1975-06-20")
        with freeze_time("2026-06-13 08:00:00"):
            self.Engine._cron_generate_reminders()
            gift = self._reminders(person)
            self.assertEqual(gift.activity_type_id, self.gift)
            self.assertEqual(gift.date_deadline, date(2026, 6, 15), "13 June is a Saturday too: Monday")
        with freeze_time("2026-06-20 08:00:00"):
            self.Engine._cron_generate_reminders()
        congratulation = self._reminders(person).filtered(lambda a: a.activity_type_id == self.congratulate)
        self.assertEqual(congratulation.date_deadline, date(2026, 6, 22))

    def test_29_february_in_a_non_leap_year(self):
        person = self._client(name="Високосный", is_company=False, birthday="1988-02-29")
        with freeze_time("2027-02-26 08:00:00"):  # Friday; 28 Feb 2027 is a Sunday
            self.Engine._cron_generate_reminders()
            self.assertFalse(self._reminders(person))
        with freeze_time("2027-02-28 08:00:00"):
            self.Engine._cron_generate_reminders()
        self.assertEqual(self._reminders(person).date_deadline, date(2027, 3, 1))
        with freeze_time("2028-02-29 08:00:00"):
            self.Engine._cron_generate_reminders()
        self.assertEqual(sorted(self._reminders(person).mapped("date_deadline")), [date(2027, 3, 1), date(2028, 2, 29)])

    def test_key_people_and_family(self):
        company = self._client(name="ООО Семья")
        director = self.env["res.partner"].create(
            {"name": "Директор", "parent_id": company.id, "birthday": "1970-06-15", "tz": "Europe/Moscow"}
        )
        self.env["crm.client.family.member"].create(
            {"partner_id": director.id, "name": "Маша", "relation": "child", "birthday": "2015-06-15"}
        )
        with freeze_time("2026-06-15 08:00:00"):
            self.Engine._cron_generate_reminders()
        reminders = self._reminders(director)
        self.assertEqual(len(reminders), 2)
        self.assertEqual(set(reminders.user_id), {self.salesman}, "the company's salesperson")
        self.assertTrue(any("Маша" in r.summary for r in reminders))

    def test_timezones(self):
        """At 22:00 UTC on 14 June it is already 15 June in Vladivostok, still 14 June in
        Kaliningrad and 15 June 01:00 in Moscow."""
        people = {
            tz: self._client(name=tz, is_company=False, birthday="1980-06-15", tz=tz)
            for tz in ("Europe/Moscow", "Asia/Vladivostok", "Europe/Kaliningrad")
        }
        with freeze_time("2026-06-14 20:30:00"):  # Vladivostok 06:30 on the 15th, Moscow 23:30
            self.Engine._cron_generate_reminders()
            self.assertEqual(len(self._reminders(people["Asia/Vladivostok"])), 1)
            self.assertFalse(self._reminders(people["Europe/Moscow"]))
        with freeze_time("2026-06-14 22:30:00"):  # Moscow 01:30 on the 15th, Kaliningrad 00:30
            self.Engine._cron_generate_reminders()
            self.assertEqual(len(self._reminders(people["Europe/Moscow"])), 1)
            self.assertEqual(len(self._reminders(people["Europe/Kaliningrad"])), 1)

    def test_call_window_and_weekdays(self):
        monday = self.env.ref("crm_client_base.weekday_1")
        person = self._client(
            name="Ночной клиент",
            is_company=False,
            birthday="1980-06-16",
            tz="Asia/Vladivostok",
            call_time_from=22.0,
            call_time_to=2.0,
            call_weekday_ids=[(6, 0, monday.ids)],
        )
        with freeze_time("2026-06-16 01:00:00"):  # Tuesday 16 June in Vladivostok
            self.Engine._cron_generate_reminders()
        activity = self._reminders(person)
        self.assertEqual(activity.date_deadline, date(2026, 6, 22), "the next Monday")
        # The window crosses midnight; shown in the client's and the salesperson's time.
        self.assertIn("22:00–02:00 +1", activity.note)
        self.assertIn("Asia/Vladivostok", activity.note)
        self.assertIn("22.06 15:00–22.06 19:00", activity.note)  # Moscow is 7 hours behind

    def test_fallback_user_for_pool_clients(self):
        pool = self._client(name="Ничей", is_company=False, birthday="1980-06-15", user_id=False)
        with freeze_time("2026-06-15 08:00:00"):
            self.Engine._cron_generate_reminders()
            self.assertFalse(self._reminders(pool))
            self.env.company.client_reminder_fallback_user_id = self.colleague
            self.Engine._cron_generate_reminders()
        self.assertEqual(self._reminders(pool).user_id, self.colleague)


class TestHolidaysCadenceCustom(ReminderCase):
    def test_holiday_by_client_type_and_role(self):
        womens_day = self.env.ref(REF + "holiday_womens_day")
        womens_day.write({"active": True, "client_type": "private_person"})
        accountants = self.env.ref(REF + "holiday_accountant_day")
        accountants.active = True
        person = self._client(name="Мария", is_company=False)
        company = self._client(name="ООО Завод")
        accountant = self.env["res.partner"].create(
            {
                "name": "Главбух",
                "parent_id": company.id,
                "contact_role_id": self.env.ref("crm_client_base.role_chief_accountant").id,
            }
        )
        with freeze_time("2027-03-08 08:00:00"):  # a Monday
            self.Engine._cron_generate_reminders()
        self.assertEqual(len(self._reminders(person)), 1)
        self.assertFalse(self._reminders(company))
        with freeze_time("2027-11-22 08:00:00"):  # the 21st is a Sunday: reminded Monday
            self.Engine._cron_generate_reminders()
        reminder = self._reminders(accountant)
        self.assertEqual(len(reminder), 1)
        self.assertEqual(reminder.user_id, self.salesman)
        self.assertFalse(self._reminders(company))

    def test_public_holiday_of_the_working_calendar(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "День России",
                "calendar_id": self.env.company.resource_calendar_id.id,
                "date_from": "2026-06-12 00:00:00",
                "date_to": "2026-06-12 23:59:59",
            }
        )
        person = self._client(name="Праздник", is_company=False, birthday="1980-06-12")
        with freeze_time("2026-06-12 08:00:00"):  # Friday, a public holiday
            self.Engine._cron_generate_reminders()
        self.assertEqual(self._reminders(person).date_deadline, date(2026, 6, 15))

    def test_cadence(self):
        rule = self.env["crm.client.cadence"].create({"name": "Каждые 30 дней", "days": 30})
        with freeze_time("2026-05-01 08:00:00"):
            client = self._client(name="Постоянный")
            self.env["crm.client.interaction"].create({"partner_id": client.id, "summary": "Звонок"})
        with freeze_time("2026-05-20 08:00:00"):
            self.Engine._cron_generate_reminders()
            self.assertFalse(self._reminders(client))
        with freeze_time("2026-06-02 08:00:00"):
            self.Engine._cron_generate_reminders()
            self.Engine._cron_generate_reminders()
            self.assertEqual(len(self._reminders(client)), 1)
            self.assertEqual(self._reminders(client).activity_type_id, rule.activity_type_id)
            self._reminders(client).action_feedback(feedback="Созвонились")
            self.Engine._cron_generate_reminders()
            self.assertFalse(self._reminders(client), "done: not recreated until the next cycle")

    def test_cadence_for_a_segment(self):
        segment = self.env["crm.client.segment"].create({"name": "Ключевые", "kind": "manual"})
        self.env["crm.client.cadence"].create(
            {"name": "Ключевым: каждые 30 дней", "days": 30, "segment_ids": segment.ids}
        )
        with freeze_time("2026-05-01 08:00:00"):
            member = self._client(name="В сегменте")
            outsider = self._client(name="Вне сегмента")
            for client in member | outsider:
                self.env["crm.client.interaction"].create({"partner_id": client.id, "summary": "Звонок"})
        segment.partner_ids = member
        with freeze_time("2026-06-02 08:00:00"):
            self.Engine._cron_generate_reminders()
            self.assertEqual(len(self._reminders(member)), 1)
            self.assertFalse(self._reminders(outsider))

    def test_reminder_only_for_a_user_who_reads_the_client(self):
        client = self._client(name="Чужой клиент")
        with self.assertRaises(ValidationError):
            self.env["crm.client.reminder"].create(
                {"name": "Напомнить коллеге", "partner_id": client.id, "user_id": self.colleague.id}
            )
        self.env["crm.client.reminder"].create(
            {"name": "Напомнить себе", "partner_id": client.id, "user_id": self.salesman.id}
        )

    def test_custom_recurring_reminder_for_any_user(self):
        client = self._client(name="С напоминанием")
        # Any user who may read the client: here a colleague seeing all clients.
        self.colleague.group_ids += self.env.ref("sales_team.group_sale_salesman_all_leads")
        reminder = self.env["crm.client.reminder"].create(
            {
                "name": "Спросить про склад",
                "partner_id": client.id,
                "user_id": self.colleague.id,
                "recurrence": "monthly",
                "next_date": "2026-06-15",
            }
        )
        with freeze_time("2026-06-15 08:00:00"):
            self.Engine._cron_generate_reminders()
            self.Engine._cron_generate_reminders()
        activity = self._reminders(client)
        self.assertEqual((len(activity), activity.user_id, activity.summary), (1, self.colleague, "Спросить про склад"))
        self.assertEqual(reminder.next_date, date(2026, 7, 15))
        once = self.env["crm.client.reminder"].create(
            {"name": "Один раз", "partner_id": client.id, "recurrence": "once", "next_date": "2026-06-16"}
        )
        with freeze_time("2026-06-16 08:00:00"):
            self.Engine._cron_generate_reminders()
        self.assertFalse(once.active)

    def test_custom_reminder_of_a_client_that_changed_hands(self):
        client = self._client(name="Передан коллеге")
        self.env["crm.client.reminder"].create(
            {"name": "Позвонить", "partner_id": client.id, "user_id": self.salesman.id, "next_date": "2026-06-15"}
        )
        client.user_id = self.colleague
        with freeze_time("2026-06-15 08:00:00"):
            self.Engine._cron_generate_reminders()
        self.assertEqual(self._reminders(client).user_id, self.colleague, "its holder, not who may no longer see it")

    def test_reassignment_moves_open_reminders(self):
        person = self._client(name="Переходящий", is_company=False, birthday="1980-06-15")
        with freeze_time("2026-06-15 08:00:00"):
            self.Engine._cron_generate_reminders()
        person.user_id = self.colleague
        self.assertEqual(self._reminders(person).user_id, self.colleague)

    def test_digest_mail(self):
        self._client(name="Для дайджеста", is_company=False, birthday="1980-06-15")
        self.salesman.email = "sales@example.com"
        with freeze_time("2026-06-15 08:00:00"):
            self.Engine._cron_generate_reminders()
            self.Engine._cron_send_digest()
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.salesman.partner_id.ids)], limit=1, order="id desc"
        )
        self.assertTrue(mail)
        self.assertIn("Для дайджеста", mail.body_html)


@tagged("post_install", "-at_install")
class TestInstallDefaults(TransactionCase):
    def test_existing_companies_greet_birthdays(self):
        congratulate = self.env.ref(REF + "mail_activity_type_client_congratulate")
        self.assertIn(congratulate, self.env.ref("base.main_company").client_reminder_birthday_type_ids)
        self.assertIn(congratulate, self.env["res.company"].create({"name": "Новая"}).client_reminder_birthday_type_ids)
