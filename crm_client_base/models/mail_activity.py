# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

# Activity categories that are interactions with the client when done.
INTERACTION_OF_CATEGORY = {"phonecall": "call", "meeting": "meeting"}


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """Completing a call or meeting activity on a client logs the interaction."""
        values = []
        for activity in self:
            kind = INTERACTION_OF_CATEGORY.get(activity.activity_type_id.category)
            if activity.res_model != "res.partner" or not kind or not activity.res_id:
                continue
            partner = self.env["res.partner"].browse(activity.res_id).exists()
            if not partner:
                continue
            values.append(
                {
                    "partner_id": partner.commercial_partner_id.id,
                    "contact_id": partner.id if partner.parent_id else False,
                    "user_id": self.env.user.id,
                    "interaction_type": kind,
                    "direction": "outbound",
                    "date": fields.Datetime.now(),
                    "summary": activity.summary or activity.activity_type_id.name,
                    "note": feedback or activity.note,
                    "company_id": partner.company_id.id or self.env.company.id,
                }
            )
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if values:
            # Odoo's own "done" message is already in the chatter: no second note.
            self.env["crm.client.interaction"].sudo().with_context(crm_client_interaction_no_note=True).create(values)
        return result
