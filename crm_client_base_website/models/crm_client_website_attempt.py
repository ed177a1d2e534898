# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools.misc import hmac

# How long a sending address is remembered: the rate limit's window.
WINDOW = timedelta(hours=1)


class CrmClientWebsiteAttempt(models.Model):
    """A contact form sent from a network address (a keyed hash of it, not the address), kept an
    hour for the per-address rate limit."""

    _name = "crm.client.website.attempt"
    _description = "Contact form submission time"
    _log_access = False

    website_id = fields.Many2one("website", required=True, ondelete="cascade")
    address_key = fields.Char(required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)

    _address_date_idx = models.Index("(address_key, website_id, date)")

    @api.model
    def _allow(self, website, address):
        """Record a submission from ``address``; False when the address sent the website's limit
        within the last hour already (the refused one is not recorded)."""
        key = hmac(self.env(su=True), "crm_client_base_website.address", address or "")
        since = fields.Datetime.now() - WINDOW
        sent = self.sudo().search_count(
            [("address_key", "=", key), ("website_id", "=", website.id), ("date", ">", since)]
        )
        if website.client_form_rate_limit and sent >= website.client_form_rate_limit:
            return False
        self.sudo().create({"website_id": website.id, "address_key": key})
        return True

    @api.autovacuum
    def _gc_attempts(self):
        self.sudo().search([("date", "<", fields.Datetime.now() - WINDOW)]).unlink()
