# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The boundary: what a user may learn of a client they may not read (that it exists, and who
holds it), no follower who may not read it, and exports reserved to a group and logged."""

from collections import defaultdict

from odoo import api, models
from odoo.exceptions import AccessError


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _client_hidden_ids(self, partner_ids):
        """The ids among ``partner_ids`` that the current user may not read."""
        partners = self.browse(partner_ids).exists()
        return set(partners.ids) - set(partners._filtered_access("read").ids)

    @api.model
    def _client_holder_name(self, partner_id):
        """Who holds a client, as a message to a user who may not read it may say: the
        salesperson's name, else the team's, else a word for "a colleague". Nothing of the
        client itself."""
        client = self.sudo().browse(partner_id).commercial_partner_id
        if client.user_id:
            return client.user_id.name
        if client.team_id:
            return client.team_id.name
        return self.env._("a colleague")

    def _compute_same_vat_partner_id(self):
        # Odoo finds the partner with the same tax id as superuser and shows its name: not a
        # client the user may not read (the duplicate banner says who holds it instead).
        super()._compute_same_vat_partner_id()
        if self.env.su:
            return
        found = (self.same_vat_partner_id | self.same_company_registry_partner_id).ids
        hidden = self._client_hidden_ids(found) if found else set()
        for partner in self:
            if partner.same_vat_partner_id.id in hidden:
                partner.same_vat_partner_id = False
            if partner.same_company_registry_partner_id.id in hidden:
                partner.same_company_registry_partner_id = False

    @api.model
    def _client_hidden_message(self, partner_id):
        """The words for a user who chose, by id, a client they may not read."""
        holder = self._client_holder_name(partner_id)
        return self.env._(
            "This client is held by %(holder)s: you may not use it here. Ask %(holder)s or a sales manager.",
            holder=holder,
        )

    @api.model
    def _client_refuse_hidden(self, partner_ids):
        """Refuse, naming the holder only, when one of ``partner_ids`` (ids or False) is a client
        the current user may not read: for the records whose creation or write copies the
        chosen client's data into themselves (a lead's email and phone, computed as superuser)."""
        ids = [pid for pid in partner_ids if isinstance(pid, int) and pid]
        if self.env.su or not ids:
            return
        hidden = self._client_hidden_ids(ids)
        if hidden:
            raise AccessError(self._client_hidden_message(min(hidden)))

    def _message_subscribe(self, partner_ids=None, subtype_ids=None, customer_ids=None):
        # No path (activity assignment, mention, reminder, mail gateway) makes an internal user
        # follow a client they may not read: every later message on it would reach them.
        if not partner_ids or not self:
            return super()._message_subscribe(partner_ids, subtype_ids, customer_ids=customer_ids)
        users = (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search([("partner_id", "in", list(partner_ids)), ("share", "=", False)])
        )
        refused = defaultdict(set)
        for user in users:
            readable = self.with_user(user)._filtered_access("read")
            for record in self - readable:
                refused[record.id].add(user.partner_id.id)
        if not refused:
            return super()._message_subscribe(partner_ids, subtype_ids, customer_ids=customer_ids)
        by_refused = defaultdict(list)
        for record in self:
            by_refused[frozenset(refused.get(record.id, ()))].append(record.id)
        for blocked, ids in by_refused.items():
            allowed = [pid for pid in partner_ids if pid not in blocked]
            if allowed:
                super(ResPartner, self.browse(ids))._message_subscribe(allowed, subtype_ids, customer_ids=customer_ids)
        return True

    def export_data(self, fields_to_export):
        """Export clients: only for the "Client base: export" group, and logged."""
        if not self.env.su and not self.env.user.has_group("crm_client_base.group_client_export"):
            raise AccessError(
                self.env._('Exporting clients is reserved to the group "Client base: export": ask your administrator.')
            )
        result = super().export_data(fields_to_export)
        self.env["crm.client.export.log"].sudo().create(
            {
                "user_id": self.env.user.id,
                "company_id": self.env.company.id,
                "record_count": len(self),
                "field_names": ", ".join(fields_to_export),
            }
        )
        return result
