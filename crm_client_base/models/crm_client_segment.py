# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from ast import literal_eval

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL


class CrmClientSegment(models.Model):
    """A group of clients: by hand, or by a rule (a domain on clients, e.g. regular clients in
    Moscow with a revenue over 1M) whose membership is computed and searchable."""

    _name = "crm.client.segment"
    _inherit = ["crm.client.visibility.mixin"]
    _client_visibility_fields = ()
    _client_visibility_exempt = {"partner_ids": "the members, each read by its own rules"}
    _description = "Client segment"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    description = fields.Text(translate=True)
    kind = fields.Selection(
        [("rule", "By a rule"), ("manual", "By hand")],
        default="rule",
        required=True,
        help="By a rule: the clients matching the rule, recomputed every night and on demand. "
        "By hand: the clients added to it.",
    )
    rule = fields.Char(
        default="[]",
        help="The clients of the segment, as a domain on clients, for example "
        "[('client_frequency_class', '=', 'regular'), ('city', '=', 'Москва'), ('client_revenue', '>', 1000000)].",
    )
    company_id = fields.Many2one(
        "res.company",
        help="The company whose figures (revenue, frequency) the rule reads; empty: the company of "
        "whoever recomputes it (the scheduled action: its user's).",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "crm_client_segment_partner_rel",
        "segment_id",
        "partner_id",
        string="Clients",
    )
    member_count = fields.Integer("Number of clients", compute="_compute_member_count")
    refreshed_at = fields.Datetime("Computed on", readonly=True)

    @api.depends("partner_ids")
    def _compute_member_count(self):
        # Counted over the clients the reader may see: a count over all of them would answer
        # questions about hidden clients (rewrite a filter, read the count).
        if self.env["ir.rule"]._compute_domain("res.partner", "read").is_true():
            counts = (
                dict(
                    self.env.execute_query(
                        SQL(
                            "SELECT segment_id, count(*) FROM crm_client_segment_partner_rel"
                            " WHERE segment_id = ANY(%s) GROUP BY segment_id",
                            self.ids,
                        )
                    )
                )
                if self.ids
                else {}
            )
        else:
            groups = self.env["res.partner"]._read_group(
                [("client_segment_ids", "in", self.ids)], ["client_segment_ids"], ["__count"]
            )
            counts = {segment.id: count for segment, count in groups}
        for segment in self:
            segment.member_count = counts.get(segment.id, 0)

    def write(self, vals):
        # Rule segments are shared by the whole company: only sales managers define them. A
        # salesperson adds their own clients to a segment made by hand.
        if not self.env.su and {"kind", "rule", "company_id"} & set(vals) and not self._client_segment_manager():
            raise AccessError(self.env._("Only sales managers change how a segment chooses its clients."))
        return super().write(vals)

    def _client_segment_manager(self):
        return self.env.su or self.env.user.has_group("sales_team.group_sale_manager")

    @api.constrains("rule", "kind")
    def _check_rule(self):
        for segment in self.filtered(lambda s: s.kind == "rule"):
            try:
                segment._members_query()
            except (ValueError, SyntaxError, KeyError, TypeError) as error:
                raise ValidationError(
                    self.env._(
                        "The rule of segment %(name)s is not a valid filter: %(error)s", name=segment.name, error=error
                    )
                ) from error

    def _members_query(self):
        self.ensure_one()
        domain = literal_eval(self.rule or "[]")
        company = self.company_id or self.env.company
        Partner = self.env["res.partner"].sudo().with_company(company)
        return Partner._search([("parent_id", "=", False), *domain])

    def action_refresh(self):
        """Recompute the members of rule segments: one INSERT and one DELETE per segment.
        Sales managers' (and the scheduled action's) to run."""
        if not self._client_segment_manager():
            raise AccessError(self.env._("Only sales managers recompute segments."))
        # NOT EXISTS, not NOT IN: past a few hundred thousand members the planner cannot hash a
        # NOT IN list within work_mem and compares every row with every member.
        for segment in self.filtered(lambda s: s.kind == "rule" and s.active):
            members = segment._members_query().subselect()
            self.env.execute_query(
                SQL(
                    """
                    DELETE FROM crm_client_segment_partner_rel r
                     WHERE r.segment_id = %(segment)s
                       AND NOT EXISTS (SELECT 1 FROM (%(members)s) AS m(id) WHERE m.id = r.partner_id)
                    """,
                    segment=segment.id,
                    members=members,
                )
            )
            self.env.execute_query(
                SQL(
                    """
                    INSERT INTO crm_client_segment_partner_rel (segment_id, partner_id)
                    SELECT %(segment)s, m.id FROM (%(members)s) AS m(id)
                    ON CONFLICT DO NOTHING
                    """,
                    segment=segment.id,
                    members=members,
                )
            )
        self.filtered(lambda s: s.kind == "rule").write({"refreshed_at": fields.Datetime.now()})
        self.env["res.partner"].invalidate_model(["client_segment_ids"])
        self.invalidate_recordset(["partner_ids", "member_count"])
        return True

    @api.model
    def _cron_refresh(self):
        self.search([("kind", "=", "rule")]).action_refresh()

    def action_open_members(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": [("client_segment_ids", "in", self.ids)],
        }
