# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Interactions on the card (counts, last contact) and the history of tracked changes."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    # -- interactions ------------------------------------------------------------------------------------
    interaction_ids = fields.One2many("crm.client.interaction", "partner_id", string="Interactions")
    interaction_count = fields.Integer(compute="_compute_interaction_stats")
    last_contact_date = fields.Datetime(readonly=True, copy=False, index="btree_not_null")
    days_since_contact = fields.Integer(compute="_compute_days_since_contact", search="_search_days_since_contact")
    calls_90d = fields.Integer("Calls (90 days)", compute="_compute_interaction_stats")
    meetings_90d = fields.Integer("Meetings (90 days)", compute="_compute_interaction_stats")
    emails_90d = fields.Integer("Emails (90 days)", compute="_compute_interaction_stats")
    messages_90d = fields.Integer("Messages (90 days)", compute="_compute_interaction_stats")
    visits_90d = fields.Integer("Visits (90 days)", compute="_compute_interaction_stats")

    @api.depends("last_contact_date")
    def _compute_days_since_contact(self):
        now = fields.Datetime.now()
        for partner in self:
            last = partner.last_contact_date
            partner.days_since_contact = (now - last).days if last else -1

    def _search_days_since_contact(self, operator, value):
        """Supports ``>=``/``>`` (no contact for N days, never contacted included) and
        ``<``/``<=`` (contacted within N days)."""
        if operator not in (">=", ">", "<", "<=") or not isinstance(value, int):
            raise UserError(self.env._("Search on days since contact takes a number of days and >, >=, < or <="))
        days = value + 1 if operator == ">" else value
        if operator in ("<", "<="):
            days = value if operator == "<" else value + 1
            return [("last_contact_date", ">", fields.Datetime.now() - timedelta(days=days))]
        limit = fields.Datetime.now() - timedelta(days=days)
        return ["|", ("last_contact_date", "=", False), ("last_contact_date", "<=", limit)]

    def _compute_interaction_stats(self):
        """Counts per interaction type over the last 90 days, and the total, in two queries
        for the whole recordset whatever its number of interactions."""
        real = self.filtered("id")
        since = fields.Datetime.now() - timedelta(days=90)
        Interaction = self.env["crm.client.interaction"]
        recent = {
            (partner.id, kind): count
            for partner, kind, count in Interaction._read_group(
                [("partner_id", "in", real.ids), ("date", ">=", since)], ["partner_id", "interaction_type"], ["__count"]
            )
        }
        totals = {
            partner.id: count
            for partner, count in Interaction._read_group([("partner_id", "in", real.ids)], ["partner_id"], ["__count"])
        }
        for partner in self:
            partner.interaction_count = totals.get(partner.id, 0)
            partner.calls_90d = recent.get((partner.id, "call"), 0)
            partner.meetings_90d = recent.get((partner.id, "meeting"), 0)
            partner.emails_90d = recent.get((partner.id, "email"), 0)
            partner.messages_90d = recent.get((partner.id, "message"), 0)
            partner.visits_90d = recent.get((partner.id, "visit"), 0)

    def _client_refresh_last_contact(self):
        """Store the date of each partner's latest interaction, in one query."""
        if not self.ids:
            return
        self.env["crm.client.interaction"].flush_model(["partner_id", "date"])
        self.flush_recordset(["last_contact_date"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET last_contact_date = i.last
                  FROM (SELECT p2.id, max(ci.date) AS last
                          FROM res_partner p2
                     LEFT JOIN crm_client_interaction ci ON ci.partner_id = p2.id
                         WHERE p2.id IN %s
                      GROUP BY p2.id) i
                 WHERE p.id = i.id AND p.last_contact_date IS DISTINCT FROM i.last
                """,
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["last_contact_date", "days_since_contact"])

    def action_log_interaction(self):
        """Open the form logging an interaction with this client (a call by default)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log an interaction"),
            "res_model": "crm.client.interaction",
            "view_mode": "form",
            "views": [(self.env.ref("crm_client_base.crm_client_interaction_view_form_quick").id, "form")],
            "target": "new",
            "context": {
                "default_partner_id": self.commercial_partner_id.id,
                "default_contact_id": self.id if self.parent_id else False,
                "default_interaction_type": self.env.context.get("interaction_type", "call"),
            },
        }

    def action_open_interactions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_client_base.crm_client_interaction_action")
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

    def action_restore_history(self):
        """Open the list of this client's tracked changes, from which one restores a value."""
        self.ensure_one()
        wizard = self.env["crm.client.history.wizard"].create({"partner_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("History of %s", self.display_name),
            "res_model": "crm.client.history.wizard",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }
