# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Forget a person (152-FZ, art. 21): their personal data cleared from the card, its chatter,
attachments, family, interactions and activities, and from every copy the suite keeps; the
card itself stays, anonymized, so that invoices and journal items stay valid and linked."""

from odoo import api, models
from odoo.exceptions import UserError

from .res_partner_personal_data import PERSONAL_FIELDS

# The card's fields cleared: the person's data of the subject access file (the name is replaced;
# the country and the hobbies, shared records, are not the person's), and a few more.
FORGOTTEN_FIELDS = (
    *(fname for fname in PERSONAL_FIELDS if fname not in ("name", "country_id", "hobby_ids")),
    "state_id",
    "ref",
    "image_1920",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _client_forget_blockers(self):
        """Why the person cannot be forgotten yet: the open documents that still need their data,
        as lines of text. Other addons add theirs."""
        self.ensure_one()
        reasons = []
        if self.is_company or (self.client_type != "private_person" and not self.parent_id):
            reasons.append(
                self.env._("Only a private person or a key person is forgotten; a company's data are not personal.")
            )
        moves = (
            self.env["account.move"]
            .sudo()
            .search(
                [
                    ("commercial_partner_id", "=", self.commercial_partner_id.id),
                    "|",
                    ("state", "=", "draft"),
                    "&",
                    ("move_type", "in", ("out_invoice", "out_refund", "in_invoice", "in_refund")),
                    ("payment_state", "in", ("not_paid", "partial")),
                ],
                limit=10,
            )
        )
        if moves and not self.parent_id:
            reasons.append(self.env._("Open invoices and entries: %s", ", ".join(moves.mapped("display_name"))))
        labels = {"sale.order": self.env._("Open sales orders"), "crm.lead": self.env._("Open leads")}
        for model, label in labels.items():
            if model not in self.env:
                continue
            Model = self.env[model].sudo()
            domain = [("partner_id", "=", self.id)]
            domain += (
                [("state", "in", ("draft", "sent", "sale")), ("invoice_status", "!=", "invoiced")]
                if model == "sale.order"
                else [("active", "=", True), ("won_status", "=", "pending")]
            )
            found = Model.search(domain, limit=10)
            if found:
                reasons.append(f"{label}: {', '.join(found.mapped('display_name'))}")
        return reasons

    def _client_forget_targets(self):
        """What forgetting the person clears: {kind label: records or field labels}."""
        self.ensure_one()
        env = self.env
        messages = env["mail.message"].sudo().search([("model", "=", "res.partner"), ("res_id", "=", self.id)])
        attachments = (
            env["ir.attachment"]
            .sudo()
            .search(
                [
                    "|",
                    "&",
                    ("res_model", "=", "res.partner"),
                    ("res_id", "=", self.id),
                    ("id", "in", messages.attachment_ids.ids),
                ]
            )
        )
        return {
            "fields": [
                self._fields[f]._description_string(env) for f in FORGOTTEN_FIELDS if f in self._fields and self[f]
            ],
            "messages": messages,
            "attachments": attachments,
            "family": self.family_member_ids.sudo(),
            "interactions": env["crm.client.interaction"]
            .sudo()
            .search(["|", ("partner_id", "=", self.id), ("contact_id", "=", self.id)]),
            "activities": env["mail.activity"]
            .sudo()
            .search([("res_model", "=", "res.partner"), ("res_id", "=", self.id)]),
        }

    def _client_forget_preview(self):
        """What forgetting the person will clear, in words."""
        targets = self._client_forget_targets()
        env = self.env
        lines = [env._('The name, replaced by "%s".', self._client_forgotten_name())]
        if targets["fields"]:
            lines.append(env._("Card: %s.", ", ".join(targets["fields"])))
        labels = {
            "messages": env._("Chatter messages (their text)"),
            "attachments": env._("Attachments"),
            "family": env._("Family members"),
            "interactions": env._("Interactions (their text)"),
            "activities": env._("Activities"),
        }
        for key, label in labels.items():
            if targets[key]:
                lines.append(f"{label}: {len(targets[key])}")
        lines.append(env._("Invoices and journal items stay, linked to the anonymized card."))
        return "\n".join(lines)

    def _client_forgotten_name(self):
        return self.env._("Forgotten person #%s", self.id)

    def _client_forget(self, reason):
        """Anonymize the person: refused (UserError) while open documents need their data."""
        self.ensure_one()
        blockers = self._client_forget_blockers()
        if blockers:
            raise UserError(self.env._("This person cannot be forgotten yet:\n%s", "\n".join(blockers)))
        old = {"id": self.id, "name": self.name, "email": self.email, "phone": self.phone, "mobile": self.mobile}
        targets = self._client_forget_targets()
        preview = self._client_forget_preview()
        partner = self.sudo().with_context(tracking_disable=True, mail_notrack=True)
        values = {fname: False for fname in FORGOTTEN_FIELDS if fname in self._fields}
        values.update(name=self._client_forgotten_name(), hobby_ids=[(5, 0, 0)], client_properties=False)
        partner.write(values)
        targets["family"].unlink()
        targets["activities"].unlink()
        targets["interactions"].write({"summary": "—", "note": False, "next_step": False})
        # Outgoing copies: the notifications of its messages, and mails to the person.
        self.env["mail.mail"].sudo().search(
            ["|", ("mail_message_id", "in", targets["messages"].ids), ("recipient_ids", "in", self.ids)]
        ).unlink()
        targets["messages"].tracking_value_ids.unlink()
        targets["attachments"].unlink()
        targets["messages"].write({"body": "", "subject": False, "record_name": values["name"], "email_from": False})
        authored = self.env["mail.message"].sudo().search([("author_id", "=", self.id)])
        authored.write({"email_from": False})
        self._client_forget_scrub(old)
        self.env["crm.client.forget.log"].sudo().create(
            {"partner_id": self.id, "user_id": self.env.user.id, "reason": reason, "cleared": preview}
        )
        partner.message_post(
            body=self.env._("Personal data forgotten by %(user)s: %(reason)s", user=self.env.user.name, reason=reason),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    @api.model
    def _client_forget_scrub(self, old):
        """Clear the copies of a forgotten person's data kept elsewhere (``old``: their name,
        email, phones and id): the suite's other addons extend this for what they keep."""
        return None
