# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Subject access (152-FZ, art. 14): a person's personal data kept in the client base, in one
file: JSON for machines, a PDF for the person."""

import datetime

from odoo import fields, models

# The card's fields holding a person's data, in the order the file gives them.
PERSONAL_FIELDS = (
    "name",
    "function",
    "phone",
    "mobile",
    "email",
    "website",
    "telegram",
    "whatsapp",
    "social_vk",
    "social_ok",
    "social_instagram",
    "social_facebook",
    "social_linkedin",
    "street",
    "street2",
    "zip",
    "city",
    "country_id",
    "vat",
    "birthday",
    "preferred_channel",
    "preferred_time",
    "hobby_ids",
    "favourite_team",
    "gift_ideas",
    "purchase_preferences",
    "comment",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _client_personal_data(self):
        """A person's personal data: [(section key, section title, rows)], each row a (key,
        label, value) in the reader's language, the values as text, numbers, booleans or lists."""
        self.ensure_one()
        env = self.env
        card = []
        for fname in PERSONAL_FIELDS:
            field = self._fields.get(fname)
            if (
                field
                and self[fname] not in (False, None, "")
                and (field.type not in ("one2many", "many2many") or self[fname])
            ):
                card.append((fname, field._description_string(env), _readable(self, field)))
        properties = [
            (prop["name"], prop.get("string") or prop["name"], _jsonable(prop.get("value")))
            for prop in self._fields["client_properties"].convert_to_read(self.client_properties, self) or ()
            if prop.get("value") not in (False, None, "", [])
        ]
        family = [
            (
                str(member.id),
                member.name,
                {
                    "relation": dict(member._fields["relation"]._description_selection(env)).get(member.relation),
                    "birthday": member.birthday and member.birthday.isoformat(),
                    "note": member.note or None,
                },
            )
            for member in self.family_member_ids
        ]
        consents = [
            (
                str(consent.id),
                consent.purpose_id.name,
                {
                    "given_on": _jsonable(consent.date),
                    "text_version": consent.text_version,
                    "source": dict(consent._fields["source"]._description_selection(env)).get(consent.source),
                    "reference": consent.source_ref or None,
                    "withdrawn_on": _jsonable(consent.withdrawn_on) if consent.withdrawn_on else None,
                },
            )
            for consent in self.client_consent_ids
        ]
        interactions = [
            (str(item.id), _jsonable(item.date), item.summary)
            for item in self.env["crm.client.interaction"].search([("partner_id", "=", self.id)], limit=500)
        ]
        return [
            ("card", env._("Card"), card),
            ("card_properties", env._("Card properties"), properties),
            ("family_members", env._("Family members"), family),
            ("consents", env._("Consents"), consents),
            ("interactions", env._("Interactions"), interactions),
        ]

    def _client_personal_data_json(self):
        """The personal data as a JSON-able dict, with when and by whom it was exported."""
        self.ensure_one()
        data = {
            key: {row_key: value for row_key, _label, value in rows}
            if key in ("card", "card_properties")
            else [{"id": row_key, "label": label, "value": value} for row_key, label, value in rows]
            for key, _title, rows in self._client_personal_data()
        }
        data["exported_on"] = fields.Datetime.now().isoformat()
        data["exported_by"] = self.env.user.name
        self._client_log_personal_data_export("JSON")
        return data

    def _client_log_personal_data_export(self, kind):
        self.message_post(
            body=self.env._("Personal data exported (%(kind)s) by %(user)s.", kind=kind, user=self.env.user.name),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    def action_client_personal_data_json(self):
        """Download the person's personal data as JSON."""
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": f"/crm_client_base/personal_data/{self.id}", "target": "self"}


def _jsonable(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)) and len(value) == 2 and isinstance(value[0], int):
        return value[1]
    return value


def _readable(record, field):
    value = record[field.name]
    if field.type == "many2one":
        return value.display_name
    if field.type in ("one2many", "many2many"):
        return value.mapped("display_name")
    if field.type == "selection":
        return dict(field._description_selection(record.env)).get(value)
    return _jsonable(value)
