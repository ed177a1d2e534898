# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.tools import SQL


class CrmClientDuplicate(models.Model):
    """One candidate group of partners that may be the same client."""

    _name = "crm.client.duplicate"
    _description = "Client duplicate candidate"
    _order = "score desc, id desc"

    name = fields.Char(compute="_compute_name")
    partner_ids = fields.Many2many("res.partner", string="Clients", required=True)
    score = fields.Integer(help="0 to 100: how sure the detection is that these are one client.")
    reasons = fields.Text()
    state = fields.Selection(
        [("open", "Open"), ("merged", "Merged"), ("dismissed", "Dismissed")],
        default="open",
        required=True,
        index=True,
    )
    company_id = fields.Many2one("res.company", index=True)

    @api.depends("partner_ids")
    def _compute_name(self):
        for group in self:
            group.name = " / ".join(group.partner_ids.mapped("display_name")[:3])

    @api.model
    def scan(self):
        """Scan all partners synchronously and return the open candidate groups.

        Existing open groups with the same members are kept, never duplicated; groups
        already dismissed are not proposed again.
        """
        rows = self.env.execute_query(
            SQL(
                """
                SELECT array_agg(id ORDER BY id)
                  FROM res_partner
                 WHERE active AND email IS NOT NULL AND trim(email) != ''
              GROUP BY lower(trim(email)), COALESCE(company_id, 0)
                HAVING count(*) > 1
                """
            )
        )
        known = {
            tuple(sorted(group.partner_ids.ids)): group
            for group in self.search([("state", "in", ("open", "dismissed"))])
        }
        to_create = []
        for (ids,) in rows:
            key = tuple(sorted(ids))
            if key in known:
                continue
            partners = self.env["res.partner"].browse(ids)
            to_create.append(
                {
                    "partner_ids": [fields.Command.set(ids)],
                    "score": 90,
                    "reasons": self.env._("Same email"),
                    "company_id": partners[:1].company_id.id,
                }
            )
        self.create(to_create)
        return self.search([("state", "=", "open")])

    def action_dismiss(self):
        self.write({"state": "dismissed"})
