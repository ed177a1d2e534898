# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmClientAssignWizard(models.TransientModel):
    """Assign the selected clients to one salesperson, or spread them evenly over several."""

    _name = "crm.client.assign.wizard"
    _inherit = ["crm.client.visibility.mixin"]
    _client_visibility_fields = ("partner_ids",)
    _description = "Assign clients to salespeople"

    partner_ids = fields.Many2many("res.partner", string="Clients", required=True)
    user_ids = fields.Many2many(
        "res.users",
        string="Salespeople",
        required=True,
        domain=lambda self: self._salesperson_domain(),
    )
    balance = fields.Boolean(
        "Balance with current loads",
        help="Give more of the clients to the salespeople who hold fewer clients today.",
    )
    client_count = fields.Integer(compute="_compute_client_count")

    @api.model
    def _salesperson_domain(self):
        """Internal users who may hold clients."""
        return [("share", "=", False), ("group_ids", "in", self.env.ref("sales_team.group_sale_salesman").id)]

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "res.partner" and "partner_ids" in fields_list:
            values["partner_ids"] = [fields.Command.set(self.env.context.get("active_ids", []))]
        return values

    @api.depends("partner_ids")
    def _compute_client_count(self):
        for wizard in self:
            wizard.client_count = len(wizard.partner_ids)

    def _plan(self):
        """{user: clients} spreading the clients evenly (or balancing current loads)."""
        self.ensure_one()
        users = self.user_ids.sorted("id")
        if not users:
            raise UserError(self.env._("Choose at least one salesperson."))
        loads = dict.fromkeys(users, 0)
        if self.balance:
            domain = [("user_id", "in", users.ids), ("parent_id", "=", False), ("id", "not in", self.partner_ids.ids)]
            for user, count in self.env["res.partner"]._read_group(domain, ["user_id"], ["__count"]):
                loads[user] = count
        plan = dict.fromkeys(users, self.env["res.partner"])
        for partner in self.partner_ids.sorted("id"):
            user = min(users, key=lambda u: (loads[u], u.id))
            plan[user] |= partner
            loads[user] += 1
        return plan

    def action_assign(self):
        self.ensure_one()
        for user, partners in self._plan().items():
            if partners:
                partners.write({"user_id": user.id})
        return {"type": "ir.actions.act_window_close"}
