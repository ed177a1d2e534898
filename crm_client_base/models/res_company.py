# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    client_regular_invoices = fields.Integer(
        "Regular client from (invoices a year)",
        default=4,
        help="A client with at least this many invoices in the last 12 months is a regular client; "
        "with a single invoice ever, a one-off client; in between, a rare client.",
    )
    client_new_card_owner = fields.Selection(
        [("creator", "The salesperson who creates it"), ("pool", "The free pool")],
        string="A new client goes to",
        default="creator",
        required=True,
        help="Who holds a client card a salesperson creates by hand: its creator, or no one (the free pool, "
        "where any salesperson may take it). Imports choose for themselves.",
    )
    client_invalid_phone_policy = fields.Selection(
        [("refuse", "Refuse the value"), ("flag", "Keep the value and flag the client")],
        string="Invalid phone numbers",
        default="refuse",
        required=True,
        help="Refuse: a phone number that cannot be read is refused with an error. Keep and flag: "
        "it is stored as typed and the client is flagged for review (for dirty imports).",
    )
    client_completeness_threshold = fields.Integer(
        "Complete from (%)",
        default=70,
        help="A client whose completeness is below this is counted as incomplete in the completeness control.",
    )
    client_stale_months = fields.Integer(
        "Stale after (months)",
        default=12,
        help="A client with no interaction and no invoice for this many months is flagged as stale.",
    )
    client_data_steward_id = fields.Many2one(
        "res.users",
        string="Data steward",
        help="Receives the data review every six months: a checklist with the counts of incomplete, stale "
        "and duplicate-suspect clients.",
    )
    client_retention_years = fields.Integer(
        "Archive inactive clients after (years)",
        help="Clients with no interaction, no invoice and no change for this many years are archived every "
        "month (with an undo). 0, the default: never.",
    )
    client_limit_per_salesperson = fields.Integer(
        "Clients per salesperson",
        help="How many clients a salesperson may hold; taking one more from the free pool is refused. 0: no limit.",
    )
    client_pool_return_days = fields.Integer(
        "Return to the pool after (days)",
        help="A client with no interaction for this many days goes back to the free pool, and its "
        "salesperson is told. 0: never.",
    )

    client_consent_required = fields.Boolean(
        "Ask consent to process personal data",
        help="152-FZ: birthday and holiday greetings and marketing mailings only reach the people (private "
        "persons, entrepreneurs, key persons) with a consent in force for that purpose. Off for a company "
        "whose clients are companies only.",
    )

    def unlink(self):
        ids = self.ids
        result = super().unlink()
        self.env["crm.client.value"]._forget("company_id", ids)
        return result
