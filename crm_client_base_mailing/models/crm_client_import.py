# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.crm_client_base_import.tools import formats, reader


class CrmClientImport(models.Model):
    _inherit = "crm.client.import"

    mailing_contact_ids = fields.Many2many(
        "mailing.contact", string="Mailing contacts", readonly=True, groups="mass_mailing.group_mass_mailing_user"
    )
    # What the form shows instead of the file: readable by anyone who reads the import.
    from_mailing = fields.Boolean("From mailing lists", readonly=True)

    @api.depends("from_mailing", "mailing_contact_ids")
    def _compute_name(self):
        result = super()._compute_name()
        for record in self.filtered(lambda record: record.from_mailing and not record.file_name):
            record.name = self.env._("Mailing contacts (%s)", len(record.sudo().mailing_contact_ids))
        return result

    def _read(self):
        """Mailing contacts read as the lines of a file: a contact with a company name gives the
        company with the person as its contact; its lists and opt-out go to the notes."""
        if self.file or not self.from_mailing:
            return super()._read()
        lines = [(index, self._mailing_values(contact)) for index, contact in enumerate(self.mailing_contact_ids, 1)]
        return reader.Table([(index, values) for index, values in lines if values])

    def _mailing_values(self, contact):
        person = contact.name or contact.email or ""
        values = formats.card_values(
            person, contact.company_name or "", emails=[contact.email] if contact.email else []
        )
        if contact.country_id:
            values["country_id"] = contact.country_id.code
        notes = [values.get("comment")]
        subscribed = contact.subscription_ids.filtered(lambda subscription: not subscription.opt_out).list_id
        left = contact.subscription_ids.filtered("opt_out").list_id
        if subscribed:
            notes.append(self.env._("Mailing lists: %s", ", ".join(subscribed.mapped("name"))))
        if left:
            notes.append(self.env._("Unsubscribed from: %s", ", ".join(left.mapped("name"))))
        if contact.is_blacklisted:
            notes.append(self.env._("Does not want any mailing"))
        values["comment"] = "\n".join(filter(None, notes))
        return {key: value for key, value in values.items() if value}

    def action_preview(self):
        result = super().action_preview()
        if self.from_mailing and not self.file and self.state == "checked":
            note = self.env._("Read from %s mailing contacts.", len(self.mailing_contact_ids))
            self.file_notes = "\n".join(filter(None, (note, self.file_notes)))
        return result
