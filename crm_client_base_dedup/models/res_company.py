# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    client_hidden_duplicate_policy = fields.Selection(
        [
            ("activity", "Ask the holder by an activity"),
            ("none", "Only say who holds it"),
        ],
        string="A salesperson meets a colleague's client",
        default="activity",
        required=True,
        help="When a salesperson types, on a new card, a client held by a colleague: the banner always "
        "says that the client exists and who holds it (nothing else of it). With an activity, saving "
        "the card anyway also asks the holder to check it (merge the cards or hand the client over).",
    )
    client_merge_undo_days = fields.Integer(
        string="Merges can be undone for",
        default=30,
        help="Days during which a merge of clients can be undone from the merge log; afterwards it is final.",
    )
