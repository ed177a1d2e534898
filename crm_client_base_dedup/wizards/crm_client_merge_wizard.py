# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from odoo.addons.crm_client_base.tools.properties import empty_value

# Card fields offered for a choice of the surviving value, in this order.
MERGE_FIELDS = (
    "name",
    "client_type",
    "vat",
    "kpp",
    "ogrn",
    "phone",
    "mobile",
    "email",
    "website",
    "street",
    "street2",
    "city",
    "zip",
    "country_id",
    "function",
    "birthday",
    "user_id",
    "client_stage_id",
    "source_id",
    "comment",
)
# The card an accountant knows the client by (its invoices) decides these values...
ACCOUNTING_FIELDS = frozenset({"name", "client_type", "vat", "kpp", "ogrn", "country_id"})
# ... and for these, the value written last is the one most likely true today.
CONTACT_FIELDS = frozenset({"phone", "mobile", "email", "website", "street", "street2", "city", "zip", "function"})


class CrmClientMergeWizard(models.TransientModel):
    """Merge a candidate group (or selected clients) into one card, value by value."""

    _name = "crm.client.merge.wizard"
    _description = "Merge clients"

    duplicate_id = fields.Many2one("crm.client.duplicate")
    partner_ids = fields.Many2many("res.partner", string="Clients to merge", required=True)
    survivor_id = fields.Many2one(
        "res.partner", string="Keep this card", required=True, domain="[('id', 'in', partner_ids)]"
    )
    line_ids = fields.One2many("crm.client.merge.wizard.line", "wizard_id", string="Values")
    cards_info = fields.Html(compute="_compute_cards_info", string="Cards", sanitize=False)
    conflicts = fields.Text(compute="_compute_conflicts", string="Pre-check")
    linked_count = fields.Integer(compute="_compute_conflicts", string="Linked records to move")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        partners = self.env["res.partner"]
        if values.get("duplicate_id"):
            partners = self.env["crm.client.duplicate"].browse(values["duplicate_id"]).partner_ids
        elif context.get("active_model") == "res.partner" and context.get("active_ids"):
            partners = partners.browse(context["active_ids"])
        if partners:
            values["partner_ids"] = [fields.Command.set(partners.ids)]
            survivor = self.env["crm.client.merge"]._default_survivor(partners)
            values["survivor_id"] = survivor.id
            values["line_ids"] = [fields.Command.create(line) for line in self._lines_for(partners, survivor)]
        return values

    @api.model
    def _lines_for(self, partners, survivor):
        """One line per card field on which the clients differ, proposing whose value to keep
        and why: the only card with a value; for names and tax ids the card with invoices; for
        phones, emails and addresses the value written last; otherwise the kept card's."""
        lines = []
        invoiced = partners.filtered("dedup_invoice_count").sorted(lambda p: (-p.dedup_invoice_count, p.id))[:1]
        written = self._value_dates(partners)
        for name in MERGE_FIELDS:
            field = partners._fields.get(name)
            if not field:
                continue
            filled = [p for p in partners if p[name]]
            distinct = {field.convert_to_write(p[name], p) for p in filled}
            if len(distinct) < 2 and (survivor[name] or not filled):
                continue
            if len(distinct) == 1:
                source, reason = (survivor if survivor[name] else filled[0]), "only"
            elif name in ACCOUNTING_FIELDS and invoiced and invoiced[name]:
                source, reason = invoiced, "invoices"
            elif name in CONTACT_FIELDS:
                source = max(filled, key=lambda p, name=name: (written.get((p.id, name)) or p.create_date, p.id))
                reason = "recent"
            else:
                source, reason = (survivor if survivor[name] else filled[0]), "kept"
            lines.append({"field_name": name, "source_id": source.id, "reason": reason})
        return lines + self._property_lines(partners, survivor)

    @api.model
    def _property_lines(self, partners, survivor):
        """One line per property of the kept card's client type on which the cards of that type
        differ: the kept card's value, or the only one."""
        if "client_properties" not in partners._fields:
            return []
        alike = [p for p in partners if p.client_card_id == survivor.client_card_id]
        values = {p.id: p._client_property_values() for p in alike}
        lines = []
        for name, kept in values[survivor.id].items():
            filled = [p for p in alike if not empty_value(values[p.id].get(name))]
            distinct = {_hashable(values[p.id][name]) for p in filled}
            if len(distinct) < 2 and (not empty_value(kept) or not filled):
                continue
            source = survivor if not empty_value(kept) else filled[0]
            reason = "only" if len(distinct) == 1 else "kept"
            lines.append({"field_name": f"{PROPERTY_PREFIX}{name}", "source_id": source.id, "reason": reason})
        return lines

    @api.model
    def _value_dates(self, partners):
        """{(partner id, field name): when the value was last written}, from the chatter's
        tracking (one query); a value never changed dates from the card's creation."""
        rows = (
            self.env["mail.tracking.value"]
            .sudo()
            ._read_group(
                [
                    ("mail_message_id.model", "=", "res.partner"),
                    ("mail_message_id.res_id", "in", partners.ids),
                    ("field_id.name", "in", list(CONTACT_FIELDS)),
                ],
                ["mail_message_id", "field_id"],
                ["create_date:max"],
            )
        )
        dates = {}
        for message, field, date in rows:
            key = (message.res_id, field.name)
            dates[key] = max(dates.get(key) or date, date)
        return dates

    @api.onchange("survivor_id")
    def _onchange_survivor_id(self):
        if self.survivor_id and self.partner_ids:
            partners = self.partner_ids._origin
            self.line_ids = [fields.Command.clear()] + [
                fields.Command.create(line) for line in self._lines_for(partners, self.survivor_id._origin)
            ]

    @api.depends("partner_ids", "survivor_id")
    def _compute_cards_info(self):
        """A table of the cards: id, creation date (in the reader's timezone and language),
        salesperson and the counts of invoices, interactions and messages, so that two cards
        of the same name are told apart."""
        headers = (
            self.env._("Card"),
            self.env._("Created"),
            self.env._("Salesperson"),
            self.env._("Invoices"),
            self.env._("Interactions"),
            self.env._("Messages"),
        )
        head = Markup("").join(Markup("<th>%s</th>") % header for header in headers)
        for wizard in self:
            partners = wizard.partner_ids._origin
            rows = []
            for partner in partners:
                created = fields.Datetime.context_timestamp(partner, partner.create_date).date()
                kept = partner == wizard.survivor_id._origin
                rows.append(
                    Markup(
                        '<tr class="%s"><td>%s%s</td><td>%s</td><td>%s</td><td class="text-end">%s</td>'
                        '<td class="text-end">%s</td><td class="text-end">%s</td></tr>'
                    )
                    % (
                        "fw-bold" if kept else "",
                        partner.with_context(partner_show_db_id=True).display_name,
                        Markup(" <span class='badge text-bg-success'>%s</span>") % self.env._("kept") if kept else "",
                        format_date(self.env, created),
                        partner.user_id.name or "",
                        partner.dedup_invoice_count,
                        partner.interaction_count,
                        partner.dedup_message_count,
                    )
                )
            wizard.cards_info = (
                Markup(
                    '<table class="table table-sm o_crm_client_merge_cards">'
                    "<thead><tr>%s</tr></thead><tbody>%s</tbody></table>"
                )
                % (head, Markup("").join(rows))
                if partners
                else False
            )

    @api.depends("partner_ids", "survivor_id")
    def _compute_conflicts(self):
        Wizard = self.env["base.partner.merge.automatic.wizard"]
        Merge = self.env["crm.client.merge"]
        for wizard in self:
            partners, survivor = wizard.partner_ids._origin, wizard.survivor_id._origin
            sources = partners - survivor
            if not (sources and survivor):
                wizard.conflicts = False
                wizard.linked_count = 0
                continue
            # One query for the linked records, shared by the count and the pre-check.
            moved = Wizard._relations_holding("res_partner", sources.ids)
            found = Merge._merge_conflicts(Wizard._with_known_relations("res_partner", moved), sources, survivor)
            wizard.conflicts = Merge._conflict_lines(found) or False
            wizard.linked_count = sum(moved.values())

    def action_merge(self):
        self.ensure_one()
        partners = self.partner_ids.exists()
        if len(partners) < 2:
            raise UserError(self.env._("Choose at least two clients to merge."))
        values = {}
        chosen = {}
        for line in self.line_ids:
            if line.field_name.startswith(PROPERTY_PREFIX):
                if line.source_id:
                    name = line.field_name.removeprefix(PROPERTY_PREFIX)
                    chosen[name] = line.source_id._client_property_values().get(name)
                continue
            field = partners._fields[line.field_name]
            if line.source_id and line.source_id != self.survivor_id:
                values[line.field_name] = field.convert_to_write(line.source_id[line.field_name], line.source_id)
        if chosen:
            values["client_properties"] = chosen
        log = self.env["crm.client.merge"]._merge_partners(
            partners, self.survivor_id, values, duplicate=self.duplicate_id
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": log.survivor_id.id,
            "view_mode": "form",
            "target": "current",
        }


class CrmClientMergeWizardLine(models.TransientModel):
    _name = "crm.client.merge.wizard.line"
    _description = "Merge clients: the value kept for one field"

    wizard_id = fields.Many2one("crm.client.merge.wizard", required=True, ondelete="cascade")
    field_name = fields.Char(required=True)
    field_label = fields.Char(compute="_compute_display", string="Field")
    source_id = fields.Many2one("res.partner", string="Take the value of")
    reason = fields.Selection(
        [
            ("only", "The only card with a value"),
            ("invoices", "The card with invoices"),
            ("recent", "Written last"),
            ("kept", "The kept card (the most complete)"),
            ("chosen", "Your choice"),
        ],
        string="Why",
    )
    values_text = fields.Text(compute="_compute_display", string="Values of the clients")
    preview = fields.Char(compute="_compute_display", string="Kept value")

    @api.onchange("source_id")
    def _onchange_source_id(self):
        if self.source_id and self.source_id != self._origin.source_id:
            self.reason = "chosen"

    @api.depends("field_name", "source_id", "wizard_id.partner_ids")
    def _compute_display(self):
        for line in self:
            partners = line.wizard_id.partner_ids._origin
            if line.field_name.startswith(PROPERTY_PREFIX):
                line._display_property(partners)
                continue
            field = partners._fields.get(line.field_name)
            if not field:
                line.field_label = line.values_text = line.preview = False
                continue
            line.field_label = field._description_string(self.env)
            labelled = partners.with_context(partner_show_db_id=True)
            line.values_text = "\n".join(f"{p.display_name}: {_shown(p, line.field_name)}" for p in labelled)
            line.preview = _shown(line.source_id._origin, line.field_name) if line.source_id else ""

    def _display_property(self, partners):
        name = self.field_name.removeprefix(PROPERTY_PREFIX)
        survivor = self.wizard_id.survivor_id._origin
        definition = {
            prop["name"]: prop
            for prop in partners._fields["client_properties"]._get_properties_definition(survivor) or ()
        }
        label = partners._fields["client_properties"]._description_string(self.env)
        self.field_label = f"{label}: {definition.get(name, {}).get('string', name)}"
        alike = partners.filtered(lambda p: p.client_card_id == survivor.client_card_id)
        labelled = alike.with_context(partner_show_db_id=True)
        self.values_text = "\n".join(f"{p.display_name}: {_shown_property(p, name)}" for p in labelled)
        self.preview = _shown_property(self.source_id._origin, name) if self.source_id else ""


# A merge line of a card property: its field name is the prefix and the property's name.
PROPERTY_PREFIX = "client_properties."


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value


def _shown_property(partner, name):
    """A card property's value as the card shows it (a label, a record's name)."""
    try:
        value = partner.client_properties[name]
    except KeyError:
        return ""
    if hasattr(value, "_name"):
        return ", ".join(value.mapped("display_name"))
    return "" if value in (False, None) else str(value)


def _shown(partner, name):
    value = partner[name]
    field = partner._fields[name]
    if field.type == "many2one":
        return value.display_name or ""
    if field.type == "selection":
        return dict(field._description_selection(partner.env)).get(value, "") if value else ""
    return "" if value in (False, None) else str(value)
