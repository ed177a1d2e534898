# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _mailing_get_opt_out_list(self, mailing):
        """The emails a mailing to clients skips: where the company asks for consent (152-FZ),
        those of the people among its recipients without a marketing consent in force (Odoo's
        blacklist is applied besides, as for any mailing)."""
        parent = getattr(super(), "_mailing_get_opt_out_list", None)
        opt_out = set(parent(mailing)) if parent else set()
        consented = self._client_consent_domain("marketing")
        if consented.is_true():
            return opt_out
        recipients = mailing._get_recipients_domain()
        lacking = self.with_context(active_test=False).search_fetch(recipients & ~consented, ["email_normalized"])
        return opt_out | {partner.email_normalized for partner in lacking if partner.email_normalized}
