# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, freeze_time, tagged
from odoo.tools import mute_logger

from .common import ClientBaseCase


@tagged("post_install", "-at_install")
class TestCompleteness(ClientBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("ru_RU")
        Rule = cls.env["crm.client.completeness.rule"].with_context(active_test=False)
        Rule.search([]).unlink()
        # A hand-made policy: exact figures below.
        cls.rules = Rule.create(
            [
                {"name": "INN", "client_type": "company", "requirement": "vat", "weight": 40},
                {"name": "Phone", "client_type": "company", "requirement": "phone", "weight": 30},
                {"name": "Key person", "client_type": "company", "requirement": "key_person", "weight": 30},
                {
                    "name": "Phone or email",
                    "client_type": "private_person",
                    "requirement": "phone_or_email",
                    "weight": 50,
                },
                {"name": "Birthday", "client_type": "private_person", "requirement": "birthday", "weight": 50},
                {"name": "OGRNIP", "client_type": "individual_entrepreneur", "requirement": "ogrn", "weight": 1},
            ]
        )
        cls.rules.filtered(lambda r: r.requirement == "birthday").with_context(lang="ru_RU").name = "День рождения"
        cls.env["res.partner"]._cron_client_completeness()
        cls.salesman = cls.anna
        cls.ru = cls.env.ref("base.ru")

    def test_every_requirement_has_a_check_on_real_fields(self):
        Partner = self.env["res.partner"]
        checks = Partner._client_completeness_checks()
        codes = {code for code, _label in self.env["crm.client.completeness.rule"]._fields["requirement"].selection}
        self.assertEqual(codes, set(checks), "the policy offers what the checks know, no more, no less")
        # A card property's requirement record comes with the first rule requiring it.
        self.assertEqual(set(self.env["crm.client.requirement"].search([]).mapped("code")), set(checks) - {"property"})
        watched = Partner._client_completeness_fields()
        for code, (fields_read, _predicate) in checks.items():
            self.assertLessEqual(set(fields_read), watched, code)
            self.assertLessEqual(set(fields_read), set(Partner._fields), code)
        # A change of a field a requirement reads recomputes the score.
        client = Partner.create({"name": "ООО «Поля»", "is_company": True, "country_id": self.ru.id})
        before = client.client_completeness
        client.phone = "+7 495 123-45-67"
        self.assertGreater(client.client_completeness, before)

    def test_company(self):
        company = self.env["res.partner"].create({"name": "ООО Полнота", "is_company": True, "country_id": self.ru.id})
        self.assertEqual(company.client_completeness, 0)
        self.assertEqual(company.client_missing_fields, "INN, Phone, Key person")
        company.write({"vat": "7707083893", "phone": "+7 495 123 45 67"})
        self.assertEqual(company.client_completeness, 70)
        self.env["res.partner"].create({"name": "Директор", "parent_id": company.id})
        self.assertEqual(company.client_completeness, 100)
        self.assertFalse(company.client_missing_fields)
        self.assertFalse(company.client_missing_rule_ids)

    def test_contacts_created_together_are_scored_once(self):
        Partner = self.env["res.partner"]

        def create_contacts(count):
            company = Partner.create(
                {"name": f"ООО Штат {count}", "is_company": True, "country_id": self.ru.id, "vat": "7707083893"}
            )
            self.env.flush_all()
            queries = self.env.cr.sql_log_count
            Partner.create([{"name": f"Сотрудник {index}", "parent_id": company.id} for index in range(count)])
            self.env.flush_all()
            self.assertEqual(company.client_completeness, 70, "INN and a key person, no phone")
            return self.env.cr.sql_log_count - queries

        create_contacts(2)  # warm-up
        few, many = create_contacts(5), create_contacts(25)
        # Odoo writes each new contact again (the company's commercial fields); the company's
        # score is computed once for the batch, not once per contact.
        # (Measured: 5 queries a contact, all Odoo's; 13 when the company was scored per contact.)
        self.assertLessEqual(many - few, 20 * 7, (few, many))

    def test_private_person_and_absent_markers(self):
        person = self.env["res.partner"].create({"name": "Мария"})
        self.assertEqual(person.client_completeness, 0)
        self.assertEqual(person.with_context(lang="ru_RU").client_missing_fields.split(", ")[-1], "День рождения")
        person.write({"email_absent": True, "birthday_absent": True})
        self.assertEqual(person.client_completeness, 100, "a known gap counts as filled")
        person.write({"email_absent": False})
        self.assertEqual(person.client_completeness, 50)

    def test_entrepreneur_and_threshold(self):
        self.env.company.client_completeness_threshold = 70
        entrepreneur = self.env["res.partner"].create(
            {"name": "ИП Полнов", "is_company": True, "client_type": "individual_entrepreneur"}
        )
        self.assertEqual((entrepreneur.client_completeness, entrepreneur.client_incomplete), (0, 1))
        entrepreneur.ogrn = "304500116000157"
        self.assertEqual((entrepreneur.client_completeness, entrepreneur.client_incomplete), (100, 0))

    def test_policy_change_recomputes_everyone_in_background(self):
        company = self.env["res.partner"].create(
            {"name": "ООО Политика", "is_company": True, "vat": "7707083893", "country_id": self.ru.id}
        )
        self.assertEqual(company.client_completeness, 40)

        def pending():
            domain = self.env["res.partner"]._client_completeness_pending_domain()
            return self.env["res.partner"].search([*domain, ("id", "=", company.id)])

        self.assertFalse(pending())
        self.rules.filtered(lambda r: r.requirement == "phone").weight = 60  # INN 40 of 130
        self.assertTrue(pending(), "now pending")
        self.assertEqual(company.client_completeness, 40, "not recomputed in the user's transaction")
        self.env["res.partner"]._cron_client_completeness(batch=2)
        self.assertEqual(company.client_completeness, 31)
        self.assertFalse(pending())

    def test_report_figures(self):
        Partner = self.env["res.partner"]
        other = self.boris
        clients = Partner.create(
            [
                {
                    "name": "A",
                    "is_company": True,
                    "user_id": self.salesman.id,
                    "vat": "7707083893",
                    "country_id": self.ru.id,
                },
                {"name": "B", "is_company": True, "user_id": self.salesman.id},
                {"name": "C", "user_id": self.salesman.id, "email": "c@c.ru", "birthday": "1980-01-01"},
                {"name": "D", "user_id": other.id, "email": "d@d.ru"},
            ]
        )
        groups = Partner._read_group(
            [("id", "in", clients.ids)], ["user_id"], ["__count", "client_completeness:avg", "client_incomplete:sum"]
        )
        figures = {user: (count, round(avg, 2), incomplete) for user, count, avg, incomplete in groups}
        # A 40, B 0, C 100 -> 46.67; D 50; threshold 70
        self.assertEqual(figures[self.salesman], (3, 46.67, 2))
        self.assertEqual(figures[other], (1, 50.0, 1))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("crm_client_base.action_report_client_completeness", clients.ids)[0]
            .decode()
        )
        self.assertIn("46.7", html)
        self.assertIn("Phone (2)", html)
        # Debian's wkhtmltopdf (unpatched Qt) warns that it ignores header and footer switches.
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            pdf, kind = (
                self.env["ir.actions.report"]
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf("crm_client_base.action_report_client_completeness", clients.ids)
            )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        missing = Partner._read_group([("id", "in", clients.ids)], ["client_missing_rule_ids"], ["__count"])
        counts = {rule.requirement: count for rule, count in missing if rule}
        self.assertEqual(counts, {"phone": 2, "key_person": 2, "vat": 1, "birthday": 1})

    def test_grouped_by_missing_requirement_one_row_each(self):
        """A requirement weighed for two client types is one row of the control, not "INN" and
        "INN (2)"; the printed control counts it once too."""
        self.env["crm.client.completeness.rule"].create(
            {"name": "ИНН ИП", "client_type": "individual_entrepreneur", "requirement": "vat", "weight": 5}
        )
        Partner = self.env["res.partner"]
        clients = Partner.create(
            [
                {"name": "ООО Без ИНН", "is_company": True, "user_id": self.salesman.id},
                {
                    "name": "ИП Без ИНН",
                    "is_company": True,
                    "client_type": "individual_entrepreneur",
                    "user_id": self.salesman.id,
                },
            ]
        )
        by_rule = Partner._read_group([("id", "in", clients.ids)], ["client_missing_rule_ids"], ["__count"])
        self.assertEqual(len([rule for rule, _count in by_rule if rule.requirement == "vat"]), 2)
        groups = Partner._read_group([("id", "in", clients.ids)], ["client_missing_requirement_ids"], ["__count"])
        counts = {requirement.code: count for requirement, count in groups if requirement}
        self.assertEqual(counts, {"vat": 2, "phone": 1, "key_person": 1, "ogrn": 1})
        self.assertEqual(
            self.env.ref("crm_client_base.crm_client_requirement_vat").with_context(lang="ru_RU").name, "ИНН"
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("crm_client_base.action_report_client_completeness", clients.ids)[0]
            .decode()
        )
        self.assertIn("INN (2)", html)
        # The group-by of the list is the requirement.
        search = self.env.ref("crm_client_base.res_partner_view_search")
        self.assertIn("'group_by': 'client_missing_requirement_ids'", search.arch)

    def test_completion_activities_are_not_duplicated(self):
        clients = self.env["res.partner"].create(
            [{"name": f"Неполный {i}", "is_company": True, "user_id": self.salesman.id} for i in range(3)]
        )
        complete = self.env["res.partner"].create(
            {"name": "Полный", "email": "x@y.ru", "birthday": "1990-01-01", "user_id": self.salesman.id}
        )
        self.assertEqual((clients | complete).action_client_request_completion(), 3)
        self.assertEqual((clients | complete).action_client_request_completion(), 0)
        activity = clients[0].activity_ids
        self.assertEqual(activity.user_id, self.salesman)
        self.assertIn("INN", activity.note)
        self.assertFalse(complete.activity_ids)

    def test_snapshot_once_a_day(self):
        self.env["res.partner"].create({"name": "Снимок", "is_company": True, "user_id": self.salesman.id})
        Snapshot = self.env["crm.client.completeness.snapshot"]
        with freeze_time("2026-06-15 08:00:00"):
            Snapshot._cron_take_snapshot()
            Snapshot._cron_take_snapshot()
        mine = Snapshot.search([("user_id", "=", self.salesman.id)])
        self.assertEqual(len(mine), 1)
        self.assertEqual((mine.client_count, mine.average_completeness, mine.incomplete_count), (1, 0.0, 1))


@tagged("post_install", "-at_install")
class TestCompletenessDefaults(TransactionCase):
    def test_russian_defaults_shipped(self):
        rules = self.env["crm.client.completeness.rule"].search([])
        self.assertEqual(set(rules.mapped("client_type")), {"company", "individual_entrepreneur", "private_person"})
        company_rules = rules.filtered(lambda r: r.client_type == "company")
        self.assertEqual(sum(company_rules.mapped("weight")), 100)
        self.assertIn("key_person", company_rules.mapped("requirement"))


@tagged("post_install", "-at_install")
class TestDataRoutines(ClientBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.steward = cls.manager
        cls.env.company.write({"client_stale_months": 6, "client_data_steward_id": cls.steward.id})

    def _aged(self, name, created, **vals):
        partner = self.env["res.partner"].create({"name": name, "is_company": True, **vals})
        self.env.flush_all()  # pending recomputations would stamp write_date again
        self.env.cr.execute(
            "UPDATE res_partner SET create_date = %s, write_date = %s WHERE id = %s", [created, created, partner.id]
        )
        partner.invalidate_recordset()
        return partner

    def test_stale_flag(self):
        with freeze_time("2026-06-15 08:00:00"):
            old = self._aged("Давний", "2025-01-01")
            called = self._aged("Звонили", "2025-01-01")
            self.env["crm.client.interaction"].create({"partner_id": called.id, "summary": "Звонок"})
            new = self._aged("Новый", "2026-06-01")
            self.env["res.partner"]._cron_client_stale()
        self.assertEqual((old.client_is_stale, called.client_is_stale, new.client_is_stale), (True, False, False))

    def test_data_review_checklist(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.steward.lang = "ru_RU"  # the checklist speaks the steward's language
        self._aged("Неполный", "2025-01-01")
        self.env["res.partner"]._cron_client_data_review()
        review = self.env.company.partner_id.activity_ids.filtered(lambda a: a.user_id == self.steward)
        self.assertEqual(len(review), 1)
        self.assertIn("Неполных карточек для дозаполнения: ", review.note)

    def test_retention_preview_archive_and_undo(self):
        with freeze_time("2026-06-15 08:00:00"):
            inactive = self._aged("Спящий", "2020-01-01")
            recent = self._aged("Свежий", "2025-12-01")
            wizard = self.env["crm.client.retention.wizard"].create({"years": 3})
            self.assertIn(inactive, wizard.partner_ids)
            self.assertNotIn(recent, wizard.partner_ids)
            self.assertTrue(inactive.active, "a preview archives nothing")
            action = wizard.action_archive()
        batch = self.env["crm.client.retention.batch"].browse(action["res_id"])
        self.assertFalse(inactive.active)
        self.assertTrue(recent.active)
        batch.action_undo()
        self.assertTrue(inactive.active)
        self.assertEqual(batch.state, "undone")

    def test_retention_cron_records_then_archives_and_finishes_a_stopped_run(self):
        Batch = self.env["crm.client.retention.batch"]
        with freeze_time("2026-06-15 08:00:00"):
            self.env.company.client_retention_years = 3
            sleeping = [self._aged(f"Спящий {i}", "2020-01-01") for i in range(3)]
            # A run stopped in the middle: its batch is recorded, one client archived so far.
            stopped = Batch._archive(self.env.company, sleeping[0] | sleeping[1], now=False)
            sleeping[0].active = False
            self.assertEqual(stopped.state, "running")
            Batch._cron_archive_inactive()
        self.assertEqual(stopped.state, "archived")
        self.assertFalse(sleeping[1].active, "the stopped run is finished first")
        newer = Batch.search([("id", ">", stopped.id)])
        self.assertEqual(newer.partner_ids, sleeping[2], "then the candidates left, in a batch of their own")
        self.assertEqual((newer.state, sleeping[2].active), ("archived", False))
        stopped.action_undo()
        self.assertTrue(sleeping[0].active and sleeping[1].active)

    def test_retention_off_by_default(self):
        self.assertEqual(self.env["res.company"].create({"name": "Без архивации"}).client_retention_years, 0)
        self.assertFalse(self.env["crm.client.retention.batch"]._candidates(self.env.company, 0))
