# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MergeCase


@tagged("post_install", "-at_install")
class TestMergeUndo(MergeCase):
    def _merge(self, partners, survivor, values=None):
        self.env.flush_all()
        return self.env["crm.client.merge"].with_user(self.manager)._merge_partners(partners, survivor, values)

    def _undo(self, log):
        return log.with_user(self.manager).action_undo()

    def _three_linked(self):
        partners = self._client("ООО «Ромашка»") | self._client("Ромашка", email="info@romashka.ru")
        partners |= self._client("Romashka LLC", phone="+7 495 111-22-33")
        tag = self.env["res.partner.category"].create({"name": "VIP"})
        for index, partner in enumerate(partners):
            self._link_everything(partner, index)
            partner.category_id = tag
        # The same account number on a source and on the survivor: Odoo's merge deletes the
        # source's account and points its payments at the survivor's.
        self.env["res.partner.bank"].create({"partner_id": partners[0].id, "acc_number": "40702810900000000777"})
        self.env["res.partner.bank"].create({"partner_id": partners[1].id, "acc_number": "40702810900000000777"})
        other = self._client("Ромашка Плюс")
        pair = sorted((partners[1].id, other.id))
        self.env["crm.client.duplicate.dismissal"].create({"partner_a_id": pair[0], "partner_b_id": pair[1]})
        return partners, other

    def _state(self, partners):
        """Per partner: its linked records by kind (ids), tags, dismissals and values."""
        state = {}
        for partner in partners:
            linked = self._linked(partner)
            linked["tags"] = set(partner.category_id.ids)
            linked["dismissals"] = set(
                self.env["crm.client.duplicate.dismissal"]
                .search(["|", ("partner_a_id", "=", partner.id), ("partner_b_id", "=", partner.id)])
                .mapped(lambda d: (d.partner_a_id.id, d.partner_b_id.id))
            )
            linked["values"] = {name: partner[name] for name in ("name", "email", "phone", "is_company")}
            linked["banks"] = set(partner.bank_ids.mapped("acc_number"))
            state[partner.id] = linked
        return state

    def test_undo_puts_every_linked_record_back(self):
        partners, _other = self._three_linked()
        survivor = partners[0]
        self.env.flush_all()
        self.env.invalidate_all()
        before = self._state(partners)
        counted = {kind: sum(len(before[p.id][kind]) for p in partners) for kind in ("account.move.partner_id",)}
        self.assertEqual(counted["account.move.partner_id"], 6, "an invoice and a payment's move each")
        log = self._merge(partners, survivor, {"name": "Ромашка"})
        self.assertEqual(partners.exists(), survivor)
        self.assertEqual(survivor.email, "info@romashka.ru", "the merge filled the survivor's empty email")
        # Added to the survivor after the merge: stays with it.
        later = self.env["crm.client.interaction"].create(
            {"partner_id": survivor.id, "interaction_type": "call", "summary": "After the merge"}
        )
        self.assertTrue(log.can_undo)
        self._undo(log)
        self.env.invalidate_all()
        self.assertEqual(partners.exists(), partners, "the merged cards are back, with their ids")
        after = self._state(partners)
        for partner in partners:
            for kind, ids in before[partner.id].items():
                if kind == "mail.message":
                    # Each card also gains the note of the undo (the survivor, the merge's too).
                    self.assertLessEqual(ids, after[partner.id][kind], (partner.name, kind))
                elif kind == "crm.client.interaction.partner_id" and partner == survivor:
                    self.assertEqual(after[partner.id][kind], ids | {later.id}, "added since: kept")
                else:
                    self.assertEqual(after[partner.id][kind], ids, (partner.name, kind))
        self.assertEqual(log.state, "undone")
        self.assertEqual(log.undone_uid, self.manager)
        self.assertAlmostEqual(partners[1].client_revenue, 100, msg="each card's figures again")
        self.assertAlmostEqual(survivor.client_revenue, 100)
        with self.assertRaisesRegex(UserError, "undone already"):
            self._undo(log)

    def test_undo_reopens_the_group(self):
        first = self._client("ООО «Вега»", phone="+7 495 222-33-44")
        second = self._client("Вега", phone="8 495 2223344")
        self.env.flush_all()
        group = self.Duplicate.scan().filtered(lambda g: first in g.partner_ids)
        group.action_merge_default()
        self.assertEqual(group.state, "merged")
        self._undo(group.merge_log_id)
        self.assertEqual(group.state, "open")
        self.assertEqual(group.partner_ids, first | second)

    def test_undo_refused_when_a_moved_record_was_deleted(self):
        partners, _other = self._three_linked()
        log = self._merge(partners, partners[0])
        moved = self.env["crm.client.interaction"].search([("summary", "=", "Call 2")])
        moved.unlink()
        with self.assertRaisesRegex(UserError, "deleted since.*crm_client_interaction: 1"):
            self._undo(log)
        self.assertEqual(partners.exists(), partners[0], "nothing changed")
        self.assertEqual(log.state, "done")

    def test_undo_refused_on_a_clash(self):
        first, second = self._client("ООО «Альфа»", ref="A-1"), self._client("Альфа", ref="A-2")
        log = self._merge(first | second, first)
        # A rule of some addon: references are unique. A new card took the merged one's since.
        self.env.cr.execute("CREATE UNIQUE INDEX test_partner_ref_unique ON res_partner (ref)")
        self._client("Другая Альфа", ref="A-2")
        self.env.flush_all()
        with self.assertRaisesRegex(UserError, "clashes.*res_partner"):
            self._undo(log)
        self.assertEqual((first | second).exists(), first)

    def test_undo_refused_past_the_period(self):
        self.env.company.client_merge_undo_days = 10
        first, second = self._client("ООО «Бета»"), self._client("Бета")
        log = self._merge(first | second, first)
        with freeze_time(fields.Datetime.now() + timedelta(days=11)):
            log.invalidate_recordset(["can_undo"])
            self.assertFalse(log.can_undo)
            with self.assertRaisesRegex(UserError, "final.*10 days"):
                self._undo(log)
            log.env["crm.client.merge.log"]._cron_forget_undo_data()
        self.assertFalse(log.sudo().undo_data, "past the period, what undoing needed is dropped")

    def test_undo_refused_when_the_survivor_was_merged_since(self):
        first, second, third = self._client("ООО «Гамма»"), self._client("Гамма"), self._client("Гамма ООО")
        log = self._merge(first | second, first)
        self._merge(first | third, third)
        with self.assertRaisesRegex(UserError, "merged into Гамма ООО since"):
            self._undo(log)

    def test_query_count_of_a_merge_and_its_undo_is_constant(self):
        def merge_and_undo(tag, links):
            partners = self._client(f"Клиент {tag}") | self._client(f"Клиент {tag} ООО")
            for index, partner in enumerate(partners):
                for copy in range(links):
                    self._link_everything(partner, f"{tag}{index}{copy}")
            self.env.flush_all()
            self.env.invalidate_all()
            Merge = self.env["crm.client.merge"].with_context(query_probe=tag)
            count = self.env.cr.sql_log_count
            log = Merge._merge_partners(partners.with_env(Merge.env), partners[0].with_env(Merge.env))
            Merge.env.flush_all()
            merged = self.env.cr.sql_log_count - count
            self.env.invalidate_all()
            count = self.env.cr.sql_log_count
            log.with_env(Merge.env).action_undo()
            Merge.env.flush_all()
            return merged, self.env.cr.sql_log_count - count

        merge_and_undo("warm", 1)
        small = merge_and_undo("a", 1)
        large = merge_and_undo("b", 4)
        # Four times the linked records (invoices, messages, followers, contacts...): the same
        # statements, give or take the reads the ORM's caches happen to hold.
        self.assertLessEqual(abs(large[0] - small[0]), 6, (small, large))
        self.assertLessEqual(abs(large[1] - small[1]), 6, (small, large))
