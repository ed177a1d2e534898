# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Shared set-up of the merge tests: a Russian company, a sales manager who invoices, and
clients with one of each record Odoo and the suite link to a partner."""

from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon

# Linked records counted before and after a merge: (model, field pointing to the partner).
LINKED = (
    ("account.move", "partner_id"),
    ("account.move.line", "partner_id"),
    ("account.payment", "partner_id"),
    ("res.partner.bank", "partner_id"),
    ("res.partner", "parent_id"),
    ("crm.client.interaction", "partner_id"),
)


@tagged("post_install", "-at_install")
class MergeCase(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A Russian company, as our users: "8 495 …" without a country is then a Russian number.
        cls.env.company.country_id = cls.env.ref("base.ru")
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager")
        cls.manager = new_test_user(
            cls.env,
            login="dedup_manager",
            groups="sales_team.group_sale_manager,account.group_account_invoice,base.group_partner_manager",
            company_id=cls.env.company.id,
        )
        cls.Duplicate = cls.env["crm.client.duplicate"]

    def _client(self, name, **values):
        return self.env["res.partner"].create({"name": name, "is_company": True, **values})

    def _link_everything(self, partner, tag):
        """One of each linked record Odoo and we keep on a partner."""
        self.init_invoice("out_invoice", partner=partner, amounts=[100], post=True)
        self.init_payment(50, post=True, partner=partner)
        self.env["res.partner.bank"].create({"partner_id": partner.id, "acc_number": f"4070281000000000{tag}"})
        self.env["res.partner"].create({"name": f"Contact {tag}", "parent_id": partner.id})
        self.env["crm.client.interaction"].create(
            {"partner_id": partner.id, "interaction_type": "call", "summary": f"Call {tag}"}
        )
        partner.message_post(body=f"Note {tag}")
        partner.message_subscribe(partner_ids=self.manager.partner_id.ids)
        partner.activity_schedule("mail.mail_activity_data_todo", summary=f"Todo {tag}", user_id=self.env.uid)
        self.env["ir.attachment"].create(
            {"name": f"card{tag}.txt", "raw": b"x", "res_model": "res.partner", "res_id": partner.id}
        )

    def _linked(self, partners):
        """Ids of the records linked to ``partners``, per kind."""
        linked = {
            f"{model}.{field}": set(
                self.env[model].with_context(active_test=False).search([(field, "in", partners.ids)]).ids
            )
            for model, field in LINKED
        }
        for model, domain in (
            ("mail.message", [("model", "=", "res.partner")]),
            ("mail.activity", [("res_model", "=", "res.partner")]),
            ("ir.attachment", [("res_model", "=", "res.partner")]),
        ):
            linked[model] = set(self.env[model].search([*domain, ("res_id", "in", partners.ids)]).ids)
        # Followers are counted as who follows: two rows of one follower become one.
        linked["followers"] = set(
            self.env["mail.followers"]
            .search([("res_model", "=", "res.partner"), ("res_id", "in", partners.ids)])
            .mapped("partner_id")
            .ids
        )
        return linked
