# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    client_reminder_ids = fields.One2many("crm.client.reminder", "partner_id", string="Reminders")
    client_reminder_count = fields.Integer(compute="_compute_client_reminder_count")

    def _compute_client_reminder_count(self):
        counts = dict(
            self.env["crm.client.reminder"]._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.client_reminder_count = counts.get(partner, 0)

    def write(self, vals):
        if "user_id" not in vals:
            return super().write(vals)
        previous = {partner: partner.user_id for partner in self if not partner.parent_id}
        result = super().write(vals)
        self._client_move_reminders(previous)
        return result

    def _client_pool_activity_users(self):
        # The reminders of pool clients go to each company's fallback user until taken.
        companies = self.env["res.company"].sudo().search([("client_reminder_fallback_user_id", "!=", False)])
        return super()._client_pool_activity_users() | companies.client_reminder_fallback_user_id

    def _client_move_reminders(self, previous):
        """A client that changes salesperson takes its open reminders along: the activities the
        reminders created for the previous salesperson, on the client and its key people."""
        moves = {}
        for client, old_user in previous.items():
            if client.user_id != old_user and old_user:
                moves.setdefault((old_user, client.user_id), []).append(client.id)
        for (old_user, new_user), client_ids in moves.items():
            logs = (
                self.env["crm.client.reminder.log"]
                .sudo()
                .search([("partner_id.commercial_partner_id", "in", client_ids), ("activity_id", "!=", False)])
            )
            activities = logs.activity_id.filtered(lambda a, u=old_user: a.user_id == u)
            if new_user:
                activities.write({"user_id": new_user.id})

    def action_open_client_reminders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_client_base_reminders.crm_client_reminder_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
