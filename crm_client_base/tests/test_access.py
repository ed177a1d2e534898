# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, freeze_time, new_test_user, tagged

from .common import ClientBaseCase


@tagged("post_install", "-at_install")
class TestClientAccess(ClientBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.all_docs = new_test_user(cls.env, login="ccb_alldocs", groups="sales_team.group_sale_salesman_all_leads")
        cls.plain_user = new_test_user(cls.env, login="ccb_plain", groups="base.group_user")
        Partner = cls.env["res.partner"]
        cls.anna_client = Partner.create({"name": "Клиент Анны", "is_company": True, "user_id": cls.anna.id})
        cls.anna_contact = Partner.create({"name": "Директор Анны", "parent_id": cls.anna_client.id})
        cls.boris_client = Partner.create({"name": "Клиент Бориса", "is_company": True, "user_id": cls.boris.id})
        cls.boris_contact = Partner.create({"name": "Бухгалтер Бориса", "parent_id": cls.boris_client.id})
        cls.pool_client = Partner.create({"name": "Свободный клиент", "is_company": True})
        cls.mine = cls.anna_client | cls.anna_contact | cls.pool_client
        cls.theirs = cls.boris_client | cls.boris_contact

    def _visible(self, user, records):
        return self.env["res.partner"].with_user(user).search([("id", "in", records.ids)])

    def test_salesperson_sees_own_pool_and_contacts_only(self):
        everything = self.mine | self.theirs
        self.assertEqual(self._visible(self.anna, everything), self.mine)
        with self.assertRaises(AccessError):
            self.boris_client.with_user(self.anna).read(["name"])
        with self.assertRaises(AccessError):
            self.boris_contact.with_user(self.anna).read(["email"])
        names = [name for _id, name in self.env["res.partner"].with_user(self.anna).name_search("Бориса")]
        self.assertEqual(names, [])
        groups = (
            self.env["res.partner"]
            .with_user(self.anna)
            ._read_group([("id", "in", everything.ids)], ["user_id"], ["__count"])
        )
        self.assertEqual(sum(count for _user, count in groups), len(self.mine))

    def test_partners_odoo_needs_stay_readable(self):
        Partner = self.env["res.partner"].with_user(self.anna)
        needed = self.boris.partner_id | self.env.company.partner_id | self.anna.partner_id
        self.assertEqual(Partner.search([("id", "in", needed.ids)]), needed)
        # Editing one's own preferences writes one's own partner.
        self.anna.with_user(self.anna).write({"signature": "<p>Анна</p>", "tz": "Europe/Moscow"})

    def test_salesperson_edits_clients_without_crm(self):
        # Odoo 19 gives contact creation to no internal user by default ("Contact / Creation"),
        # and crm is what grants it to salespeople: the client base must stand without crm.
        salesman = self.env.ref("sales_team.group_sale_salesman")
        granted_by_crm = self.env["ir.model.access"].search(
            [("model_id.model", "=", "res.partner"), ("group_id", "=", salesman.id)]
        ) - self.env.ref("crm_client_base.access_res_partner_client_salesman")
        granted_by_crm.unlink()
        Partner = self.env["res.partner"].with_user(self.anna)
        created = Partner.create({"name": "ООО «Новый клиент Анны»", "is_company": True})
        self.assertEqual(created.user_id, self.anna)
        self.anna_client.with_user(self.anna).write({"phone": "+7 495 123-45-67"})
        self.assertEqual(self.anna_client.phone, "+7 495 123-45-67")
        with self.assertRaises(AccessError):
            self.boris_client.with_user(self.anna).write({"phone": "+7 495 123-45-68"})
        with self.assertRaises(AccessError):
            created.unlink()

    def test_shared_team(self):
        team = self.env["crm.team"].create(
            {"name": "Отдел Москва", "member_ids": [(6, 0, (self.anna | self.boris).ids)]}
        )
        self.boris_client.team_id = team
        self.assertFalse(self._visible(self.anna, self.boris_client))
        team.client_share = True
        self.assertEqual(self._visible(self.anna, self.theirs), self.theirs)

    def test_all_documents_manager_and_accountant_see_all(self):
        everything = self.mine | self.theirs
        for user in (self.all_docs, self.manager, self.accountant):
            with self.subTest(user=user.login):
                self.assertEqual(self._visible(user, everything), everything)

    def test_accountant_cannot_reassign(self):
        with self.assertRaises(AccessError):
            self.boris_client.with_user(self.accountant).write({"user_id": self.anna.id})
        # ... but keeps the counterparty data right.
        self.boris_client.with_user(self.accountant).write({"street": "ул. Бухгалтерская, 1"})
        self.assertEqual(self.boris_client.user_id, self.boris)

    def test_salesperson_cannot_reassign_others(self):
        with self.assertRaises(AccessError):
            self.anna_client.with_user(self.anna).write({"user_id": self.boris.id})
        self.anna_client.with_user(self.anna).action_release_to_pool()
        self.assertFalse(self.anna_client.user_id)
        self.anna_client.with_user(self.manager).write({"user_id": self.boris.id})
        self.assertEqual(self.anna_client.user_id, self.boris)

    def test_take_from_pool(self):
        self.pool_client.with_user(self.anna).action_take_from_pool()
        self.assertEqual(self.pool_client.user_id, self.anna)
        with self.assertRaises(UserError) as error:
            self.pool_client.with_user(self.all_docs).action_take_from_pool()
        self.assertIn(self.anna.name, str(error.exception))

    def test_own_client_to_a_colleague_says_what_to_do(self):
        with self.assertRaises(AccessError) as error:
            self.anna_client.with_user(self.anna).write({"user_id": self.boris.id})
        message = str(error.exception)
        self.assertNotIn("belong to another salesperson", message, "the client is Anna's own")
        self.assertIn("free pool", message)
        self.assertIn("Клиент Анны", message)

    def test_taking_a_pool_client_takes_its_activities(self):
        bot = self.env.ref("base.user_root")
        todo = self.env.ref("mail.mail_activity_data_todo")
        pool_activity = self.pool_client.activity_schedule(activity_type_id=todo.id, user_id=bot.id, summary="Звонок")
        managers = self.pool_client.activity_schedule(activity_type_id=todo.id, user_id=self.manager.id, summary="Мне")
        self.pool_client.with_user(self.anna).action_take_from_pool()
        self.assertEqual(pool_activity.user_id, self.anna, "the pool's activity passes to the taker")
        self.assertEqual(managers.user_id, self.manager, "a manager's own activity stays theirs")

    def test_taking_a_colleague_client_names_its_holder_only(self):
        with self.assertRaises(UserError) as error:
            self.boris_client.with_user(self.anna).action_take_from_pool()
        self.assertIn(self.boris.name, str(error.exception))
        self.assertNotIn("Клиент Бориса", str(error.exception))

    def test_new_card_held_by_its_creator_unless_the_company_says_pool(self):
        card = self.env["res.partner"].with_user(self.anna).create({"name": "Новый клиент Анны", "is_company": True})
        self.assertEqual(card.user_id, self.anna)
        contact = self.env["res.partner"].with_user(self.anna).create({"name": "Контакт", "parent_id": card.id})
        self.assertEqual(contact.client_owner_id, self.anna, "a contact follows its company")
        self.env.company.client_new_card_owner = "pool"
        pooled = self.env["res.partner"].with_user(self.anna).create({"name": "В пул", "is_company": True})
        self.assertFalse(pooled.user_id)

    def test_company_partners_are_not_in_the_pool(self):
        company_partner = self.env.company.partner_id
        self.assertFalse(company_partner.user_id)
        # The "Free pool" filter, as a salesperson searches with it.
        pool = (
            self.env["res.partner"]
            .with_user(self.anna)
            .search([("user_id", "=", False), ("partner_share", "=", True), ("ref_company_ids", "=", False)])
        )
        self.assertNotIn(company_partner, pool)
        self.assertIn(self.pool_client, pool)
        self.assertIn("ref_company_ids", self.env.ref("crm_client_base.res_partner_view_search").arch)
        with self.assertRaises(UserError):
            company_partner.with_user(self.anna).action_take_from_pool()
        self.assertFalse(company_partner.user_id)

    def test_pool_limit(self):
        self.env.company.client_limit_per_salesperson = 1
        with self.assertRaises(UserError):
            self.pool_client.with_user(self.anna).action_take_from_pool()
        self.env.company.client_limit_per_salesperson = 2
        self.pool_client.with_user(self.anna).action_take_from_pool()
        self.assertEqual(self.pool_client.user_id, self.anna)

    def test_chatter_and_attachments_of_hidden_client(self):
        message = self.boris_client.message_post(body="Секретная договорённость", message_type="comment")
        attachment = self.env["ir.attachment"].create(
            {"name": "contract.txt", "raw": b"secret", "res_model": "res.partner", "res_id": self.boris_client.id}
        )
        Message = self.env["mail.message"].with_user(self.anna)
        self.assertFalse(Message.search([("id", "=", message.id)]))
        with self.assertRaises(AccessError):
            message.with_user(self.anna).read(["body"])
        with self.assertRaises(AccessError):
            attachment.with_user(self.anna).read(["raw"])

    def test_interactions_follow_the_client(self):
        logged = self.env["crm.client.interaction"].create(
            {"partner_id": self.boris_client.id, "summary": "Звонок Бориса", "user_id": self.boris.id}
        )
        Interaction = self.env["crm.client.interaction"].with_user(self.anna)
        self.assertFalse(Interaction.search([("id", "=", logged.id)]))
        self.assertEqual(
            self.env["crm.client.interaction"].with_user(self.manager).search([("id", "=", logged.id)]), logged
        )

    def test_plain_internal_user_keeps_odoo_default(self):
        # Users outside sales and accounting keep Odoo's default access to contacts.
        everything = self.mine | self.theirs
        self.assertEqual(self._visible(self.plain_user, everything), everything)

    def test_hand_off_by_stage(self):
        team = self.env["crm.team"].create({"name": "Сопровождение", "user_id": self.boris.id})
        stage = self.env.ref("crm_client_base.stage_regular")
        stage.handoff_team_id = team
        self.anna_client.with_user(self.anna).write({"client_stage_id": stage.id})
        self.assertEqual(self.anna_client.team_id, team)
        self.assertEqual(self.anna_client.user_id, self.boris)


@tagged("post_install", "-at_install")
class TestAssignment(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(cls.env, login="ccb_asg_manager", groups="sales_team.group_sale_manager")
        cls.users = [
            new_test_user(cls.env, login=f"ccb_asg_{i}", groups="sales_team.group_sale_salesman") for i in range(3)
        ]
        cls.clients = cls.env["res.partner"].create([{"name": f"Клиент {i}", "is_company": True} for i in range(10)])
        # Tracking starts once the records exist in an earlier step.
        cls.env.flush_all()
        cls.env.cr.flush()

    def test_assign_to_one(self):
        wizard = (
            self.env["crm.client.assign.wizard"]
            .with_user(self.manager)
            .with_context(active_model="res.partner", active_ids=self.clients.ids)
            .create({"user_ids": [(6, 0, [self.users[0].id])]})
        )
        self.assertEqual(wizard.client_count, 10)
        wizard.action_assign()
        self.assertEqual(set(self.clients.mapped("user_id")), {self.users[0]})

    def test_spread_evenly_and_tracked(self):
        ids = [u.id for u in self.users]
        wizard = (
            self.env["crm.client.assign.wizard"]
            .with_user(self.manager)
            .create({"partner_ids": [(6, 0, self.clients.ids)], "user_ids": [(6, 0, ids)]})
        )
        wizard.action_assign()
        counts = sorted(len(self.clients.filtered(lambda c, u=u: c.user_id == u)) for u in self.users)
        self.assertEqual(counts, [3, 3, 4])
        self.env.flush_all()
        self.env.cr.flush()
        tracked = self.clients[0].message_ids.tracking_value_ids.filtered(lambda v: v.field_id.name == "user_id")
        self.assertEqual(len(tracked), 1)

    def test_balance_with_current_loads(self):
        self.env["res.partner"].create(
            [{"name": f"Старый {i}", "is_company": True, "user_id": self.users[0].id} for i in range(6)]
        )
        wizard = self.env["crm.client.assign.wizard"].create(
            {
                "partner_ids": [(6, 0, self.clients[:6].ids)],
                "user_ids": [(6, 0, [u.id for u in self.users])],
                "balance": True,
            }
        )
        wizard.action_assign()
        self.assertFalse(self.clients[:6].filtered(lambda c: c.user_id == self.users[0]))

    def _schedule(self, partners, type_id, user):
        return self.env["mail.activity"].create(
            [
                {
                    "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "res_id": p.id,
                    "activity_type_id": type_id,
                    "user_id": user.id,
                }
                for p in partners
            ]
        )

    def test_reassign_departing_salesperson(self):
        leaving, *colleagues = self.users
        self.clients.write({"user_id": leaving.id})
        contact = self.env["res.partner"].create({"name": "Контакт", "parent_id": self.clients[0].id})
        todo = self.env.ref("mail.mail_activity_data_todo").id
        activities = self._schedule(self.clients[:4], todo, leaving) | self._schedule(contact, todo, leaving)
        other = self.env["res.partner"].create({"name": "Чужой", "user_id": colleagues[0].id})
        untouched = self._schedule(other, todo, leaving)
        wizard = (
            self.env["crm.client.reassign.wizard"]
            .with_user(self.manager)
            .create({"from_user_id": leaving.id, "user_ids": [(6, 0, [u.id for u in colleagues])]})
        )
        self.assertEqual((wizard.client_count, wizard.activity_count), (10, 5))
        wizard.action_reassign()
        self.assertFalse(self.clients.filtered(lambda c: c.user_id == leaving))
        self.assertEqual(sorted(len(self.clients.filtered(lambda c, u=u: c.user_id == u)) for u in colleagues), [5, 5])
        for activity in activities:
            client = self.env["res.partner"].browse(activity.res_id).commercial_partner_id
            self.assertEqual(activity.user_id, client.user_id)
        self.assertEqual(untouched.user_id, leaving)


@tagged("post_install", "-at_install")
class TestExportProtection(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, login="ccb_exp_salesman", groups="sales_team.group_sale_salesman_all_leads,base.group_allow_export"
        )
        cls.exporter = new_test_user(
            cls.env,
            login="ccb_exp_exporter",
            groups="sales_team.group_sale_salesman,crm_client_base.group_client_export",
        )
        cls.default_user = new_test_user(cls.env, login="ccb_exp_default")
        cls.clients = cls.env["res.partner"].create(
            [{"name": f"Экспорт {i}", "is_company": True, "user_id": cls.exporter.id} for i in range(3)]
        )

    def test_export_needs_the_group(self):
        for user in (self.salesman, self.default_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.clients.with_user(user).export_data(["name", "email"])
        self.assertFalse(self.env.ref("crm_client_base.group_client_export") in self.default_user.all_group_ids)
        self.assertFalse(
            self.env["crm.client.export.log"].search([("user_id", "in", (self.salesman | self.default_user).ids)])
        )

    def test_export_is_logged(self):
        data = self.clients.with_user(self.exporter).export_data(["name", "phone"])
        self.assertEqual(len(data["datas"]), 3)
        log = self.env["crm.client.export.log"].search([("user_id", "=", self.exporter.id)])
        self.assertEqual((log.record_count, log.field_names), (3, "name, phone"))


@tagged("post_install", "-at_install")
class TestReturnToPool(ClientBaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = cls.anna
        cls.env.company.client_pool_return_days = 60

    def test_cron_returns_stale_clients_and_notifies(self):
        with freeze_time("2026-01-01 09:00:00"):
            stale, fresh, contacted = self.env["res.partner"].create(
                [{"name": n, "is_company": True, "user_id": self.salesman.id} for n in ("Давний", "Новый", "Звонили")]
            )
            self.env.cr.execute(
                "UPDATE res_partner SET create_date = '2025-09-01' WHERE id IN %s", [(stale.id, contacted.id)]
            )
            self.env["crm.client.interaction"].create({"partner_id": contacted.id, "summary": "Звонок"})
            stale.invalidate_recordset()
            self.env["res.partner"]._cron_return_to_pool()
        self.assertFalse(stale.user_id)
        self.assertEqual(fresh.user_id, self.salesman)
        self.assertEqual(contacted.user_id, self.salesman)
        notified = self.env["mail.message"].search([("partner_ids", "in", self.salesman.partner_id.ids)])
        self.assertTrue(notified.filtered(lambda m: "Давний" in m.body))

    def test_off_by_default(self):
        self.assertEqual(self.env["res.company"].new({}).client_pool_return_days, 0)
