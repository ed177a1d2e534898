# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmClientReassignWizard(models.TransientModel):
    """Move all the clients of a departing salesperson, with their open activities and
    reminders, to chosen colleagues (spread evenly)."""

    _name = "crm.client.reassign.wizard"
    _description = "Reassign a salesperson's clients"

    from_user_id = fields.Many2one("res.users", string="Departing salesperson", required=True)
    user_ids = fields.Many2many(
        "res.users",
        string="Colleagues",
        required=True,
        domain=lambda self: self.env["crm.client.assign.wizard"]._salesperson_domain(),
    )
    client_count = fields.Integer(compute="_compute_counts")
    activity_count = fields.Integer(compute="_compute_counts")

    @api.depends("from_user_id")
    def _compute_counts(self):
        for wizard in self:
            clients = wizard._clients()
            wizard.client_count = len(clients)
            wizard.activity_count = len(wizard._activities(clients))

    def _clients(self):
        if not self.from_user_id:
            return self.env["res.partner"]
        return self.env["res.partner"].search([("user_id", "=", self.from_user_id.id), ("parent_id", "=", False)])

    def _activities(self, clients):
        if not clients or not self.from_user_id:
            return self.env["mail.activity"]
        contacts = self.env["res.partner"].search([("commercial_partner_id", "in", clients.ids)])
        return self.env["mail.activity"].search(
            [("res_model", "=", "res.partner"), ("res_id", "in", contacts.ids), ("user_id", "=", self.from_user_id.id)]
        )

    def action_reassign(self):
        self.ensure_one()
        if self.from_user_id in self.user_ids:
            raise UserError(self.env._("Choose colleagues other than the departing salesperson."))
        clients = self._clients()
        assign = self.env["crm.client.assign.wizard"].create(
            {"partner_ids": [fields.Command.set(clients.ids)], "user_ids": [fields.Command.set(self.user_ids.ids)]}
        )
        plan = assign._plan()
        activities = self._activities(clients)
        for user, partners in plan.items():
            if not partners:
                continue
            partners.write({"user_id": user.id})
            family = self.env["res.partner"].search([("commercial_partner_id", "in", partners.ids)])
            activities.filtered(lambda a, ids=set(family.ids): a.res_id in ids).write({"user_id": user.id})
        return {"type": "ir.actions.act_window_close"}
