# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Data standards on every create and write of a partner (form, import, RPC): each value is
brought to its field's standard (``_client_standards``), what the user typed is kept in the
chatter, and a value the company keeps although invalid is flagged for review."""

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.phone_validation.tools import phone_validation

from ..tools import standards

PHONE_FIELDS = ("phone", "mobile", "whatsapp")
# The field of each social network on the card.
SOCIAL_FIELDS = {f"social_{site}": hosts for site, hosts in standards.SOCIAL_HOSTS.items()}
# The "explicitly absent" marker of each contact field that may legitimately stay empty.
ABSENT_MARKERS = {
    "email": "email_absent",
    "phone": "phone_absent",
    "mobile": "mobile_absent",
    "vat": "vat_absent",
    "birthday": "birthday_absent",
    "website": "website_absent",
}


class FlagValue(Exception):
    """Raised by a normalizer for a value the company keeps as typed and flags for review."""


class _Reading:
    """What a normalizer may need besides the value: the values written with it, the partner
    written (None on create), and the country its phone numbers are read in, found once."""

    def __init__(self, partner_model, vals, partner):
        self.model, self.vals, self.partner = partner_model, vals, partner
        self._phone_country = None

    @property
    def company(self):
        return (self.partner and self.partner.company_id) or self.model.env.company

    @property
    def phone_country(self):
        if self._phone_country is None:
            self._phone_country = self.model._client_phone_country(self.vals, self.partner)
        return self._phone_country


class ResPartner(models.Model):
    _inherit = "res.partner"

    client_flagged_fields = fields.Char(
        "Values to check",
        readonly=True,
        copy=False,
        help="Fields whose value was kept although it does not meet the data standards "
        "(see Settings: invalid phone numbers).",
    )
    client_needs_review = fields.Boolean(
        compute="_compute_client_needs_review", store=True, index="btree_not_null", string="Needs review"
    )

    @api.depends("client_flagged_fields")
    def _compute_client_needs_review(self):
        for partner in self:
            partner.client_needs_review = bool(partner.client_flagged_fields)

    def _phone_get_number_fields(self):
        return [*super()._phone_get_number_fields(), "mobile"]

    # ---------------------------------------------------------------------------------------------
    # the standards, field by field
    # ---------------------------------------------------------------------------------------------
    @api.model
    def _client_standards(self):
        """{field: normalizer}, in the order the values are checked. A normalizer is called as
        ``normalizer(field, value, reading)`` for a value given (not empty) and returns the value
        to store; it raises ValidationError for a value that cannot be brought to the standard,
        or FlagValue for one the company keeps as typed. Extend it to standardize a field."""
        return {
            "name": self._client_standard_name,
            "email": self._client_standard_email,
            **dict.fromkeys(PHONE_FIELDS, self._client_standard_phone),
            "telegram": self._client_standard_telegram,
            **dict.fromkeys(SOCIAL_FIELDS, self._client_standard_social),
            "kpp": self._client_standard_code,
            "ogrn": self._client_standard_code,
            "vat": self._client_standard_vat,
        }

    def _client_field_label(self, fname):
        return self._fields[fname].get_description(self.env)["string"]

    @api.model
    def _client_standard_name(self, fname, value, reading):
        return standards.normalize_name(value)

    @api.model
    def _client_standard_email(self, fname, value, reading):
        normalized, invalid = standards.normalize_email(value)
        if invalid:
            raise ValidationError(
                self.env._("Email: %(value)s is not a valid email address.", value=", ".join(invalid))
            )
        return normalized

    @api.model
    def _client_standard_phone(self, fname, value, reading):
        country, known = reading.phone_country
        flag = reading.company.client_invalid_phone_policy == "flag"
        if not known and country.code != "RU" and standards.russian_national_phone(value):
            # "8 (495) 123-45-67" of a client without a country, in a company of another
            # country: read there, it becomes another country's number. Ask instead.
            if flag:
                raise FlagValue()
            raise ValidationError(
                self.env._(
                    "%(field)s: %(value)s is written the Russian way (8 and ten digits), but the client "
                    "has no country: set the client's country, or write the number with its country code "
                    "(+7 …).",
                    field=self._client_field_label(fname),
                    value=value,
                )
            )
        try:
            return phone_validation.phone_format(
                value.strip(), country.code, country.phone_code, force_format="INTERNATIONAL", raise_exception=True
            )
        except UserError as exc:
            if flag:
                raise FlagValue() from exc
            # Odoo's reason carries the phone library's English words: say what to do.
            if country:
                message = self.env._(
                    "%(field)s: %(value)s is not a phone number of %(country)s: write its digits, with "
                    "the country code for another country (+7 495 123-45-67).",
                    field=self._client_field_label(fname),
                    value=value,
                    country=country.name,
                )
            else:
                message = self.env._(
                    "%(field)s: %(value)s is not a phone number: write its digits with the country code "
                    "(+7 495 123-45-67).",
                    field=self._client_field_label(fname),
                    value=value,
                )
            raise ValidationError(message) from exc

    @api.model
    def _client_standard_telegram(self, fname, value, reading):
        normalized = standards.normalize_telegram(value)
        if not normalized:
            raise ValidationError(
                self.env._(
                    "Telegram: %(value)s is neither a user name (@name, 5 to 32 letters, digits or _) nor a t.me link.",
                    value=value,
                )
            )
        return normalized

    @api.model
    def _client_standard_social(self, fname, value, reading):
        hosts = SOCIAL_FIELDS[fname]
        normalized = standards.normalize_link(value, hosts)
        if not normalized:
            raise ValidationError(
                self.env._(
                    "%(field)s: %(value)s is not a link to %(site)s.",
                    field=self._client_field_label(fname),
                    value=value,
                    site=hosts[0],
                )
            )
        return normalized

    @api.model
    def _client_standard_code(self, fname, value, reading):
        return standards.normalize_code(value)

    @api.model
    def _client_standard_vat(self, fname, value, reading):
        return value.strip()

    @api.model
    def _client_phone_country(self, vals, partner=None):
        """(country, known): the country a phone number is read in, the partner's or its
        parent's (known), else its company's or the current company's (not known)."""
        Country = self.env["res.country"]
        if vals.get("country_id"):
            return Country.browse(vals["country_id"]), True
        if partner and partner.country_id:
            return partner.country_id, True
        parent = self.browse(vals["parent_id"]) if vals.get("parent_id") else (partner and partner.parent_id)
        if parent and parent.country_id:
            return parent.country_id, True
        company = self.env["res.company"].browse(vals["company_id"]) if vals.get("company_id") else None
        company = company or (partner and partner.company_id) or self.env.company
        return company.country_id, False

    # ---------------------------------------------------------------------------------------------
    # applying them
    # ---------------------------------------------------------------------------------------------
    @api.model
    @api.private
    def client_standardize(self, vals):
        """Return (vals, changes, flagged) for the values of a new partner: ``vals`` brought to
        the data standards, ``changes`` {field: (typed, stored)} for each value rewritten, and
        ``flagged`` the fields kept although invalid. Raises ValidationError on a value that
        cannot be brought to the standards, unless the company keeps and flags it. What an import
        checks before it creates: server code only, not callable over RPC (``vals`` may name a
        parent, whose country reads the phones)."""
        return self._client_standardize(vals)

    @api.model
    def _client_standardize(self, vals, partner=None):
        """``client_standardize`` for the values written to ``partner`` (its country reads the
        phones)."""
        vals = dict(vals)
        changes = {}
        flagged = []
        reading = _Reading(self, vals, partner)
        for fname, normalizer in self._client_standards().items():
            if not vals.get(fname):
                continue
            try:
                new = normalizer(fname, vals[fname], reading)
            except FlagValue:
                flagged.append(fname)
                continue
            typed = vals[fname]
            if new != typed:
                if isinstance(typed, str) and new != typed.strip():
                    changes[fname] = (typed, new)
                vals[fname] = new
        # A value given clears its "absent" marker: the value wins.
        for fname, marker in ABSENT_MARKERS.items():
            if vals.get(fname) and marker not in vals:
                vals[marker] = False
        return vals, changes, flagged

    @api.onchange("phone", "mobile", "whatsapp", "vat", "email", "telegram", "country_id")
    def _onchange_client_standards(self):
        """What the standards would refuse on save (a phone that cannot be read, a Russian number
        without a country, an INN whose check digits are wrong), said while the card is typed."""
        self.ensure_one()
        vals = {fname: self[fname] for fname in ("email", *PHONE_FIELDS, "telegram") if self[fname]}
        vals.update(country_id=self.country_id.id, parent_id=self.parent_id.id, company_id=self.company_id.id)
        message = None
        try:
            self._client_standardize(vals)
        except ValidationError as error:
            message = error.args[0]
        if not message and self.vat and self.vat != "/" and self._client_is_russian():
            reason = standards.check_inn(self.vat.strip())
            if reason:
                message = self._client_inn_message(self.vat, self.name, reason)
        if message:
            return {"warning": {"title": self.env._("Check this value"), "message": message}}
        return None

    def _client_log_changes(self, changes_by_partner, creation=False):
        """Keep what the user typed: a note per partner listing the values the standards
        rewrote (the tracking shows only the stored values). With ``creation``, the note is
        Odoo's own creation message, completed: one message per partner, as without us."""
        bodies = {}
        for partner in self:
            changes = changes_by_partner.get(partner.id)
            body = Markup("<p>%s</p>") % partner._creation_message() if creation else Markup("")
            if changes:
                items = Markup("").join(
                    Markup("<li>%s: <b>%s</b> → %s</li>") % (self._client_field_label(fname), typed, stored)
                    for fname, (typed, stored) in changes.items()
                )
                body += Markup("<p>%s</p><ul>%s</ul>") % (
                    escape(self.env._("Brought to the data standards (as typed → as stored):")),
                    items,
                )
            if body:
                bodies[partner.id] = body
        if bodies:
            self.browse(bodies).with_context(mail_notrack=True)._message_log_batch(bodies=bodies)

    @api.model_create_multi
    def create(self, vals_list):
        standardized = [self._client_standardize(vals) for vals in vals_list]
        for new, _changes, flagged in standardized:
            if flagged:
                new["client_flagged_fields"] = ",".join(flagged)
        # Odoo logs "Contact created" on each new partner; we log that message ourselves, with
        # the typed values added, rather than a second message per partner.
        context = self.env.context
        # What an earlier step (an import's dry run) rewrote before these values reached us, one
        # dict per vals, so that the chatter says it as for a card typed in the form.
        earlier = context.get("client_standard_changes")
        if not (isinstance(earlier, list) and len(earlier) == len(vals_list)):
            earlier = [{}] * len(vals_list)
        plain = self.with_context(client_standard_changes=False) if "client_standard_changes" in context else self
        log_creation = not context.get("mail_create_nolog") and not context.get("tracking_disable")
        creator = plain.with_context(mail_create_nolog=True) if log_creation else plain
        partners = super(ResPartner, creator).create([new for new, _changes, _flagged in standardized])
        partners = partners.with_env(plain.env)
        changes = {}
        for partner, item, before in zip(partners, standardized, earlier, strict=True):
            if found := {**{fname: tuple(pair) for fname, pair in (before or {}).items()}, **item[1]}:
                changes[partner.id] = found
        if log_creation:
            partners._client_log_changes(changes, creation=True)
        elif changes and not context.get("tracking_disable"):
            partners._client_log_changes(changes)
        return partners

    def write(self, vals):
        if not self._client_touches_standards(vals):
            return super().write(vals)
        # Phones are read in each partner's own country: standardize partner by partner, then
        # write the partners that end with the same values together.
        groups, changes = self._client_standardize_for_write(vals)
        result = True
        for new, ids in groups.values():
            result = super(ResPartner, self.browse(ids)).write(new) and result
        if changes and not self.env.context.get("tracking_disable"):
            self.browse(changes)._client_log_changes(changes)
        return result

    def _client_standardize_for_write(self, vals):
        """Return ({key: (vals, partner ids)}, {partner id: changes}) for a write of ``vals``."""
        groups = {}
        changes = {}
        touched = {fname for fname in PHONE_FIELDS if fname in vals}
        for partner in self:
            new, partner_changes, flagged = self._client_standardize(vals, partner)
            if touched:
                kept = set(filter(None, (partner.client_flagged_fields or "").split(",")))
                new["client_flagged_fields"] = ",".join(sorted((kept - touched) | set(flagged))) or False
            if partner_changes:
                changes[partner.id] = partner_changes
            key = repr(sorted(new.items(), key=lambda item: item[0]))
            groups.setdefault(key, (new, []))[1].append(partner.id)
        return groups, changes

    @api.model
    def _client_touches_standards(self, vals):
        return any(vals.get(fname) for fname in (*self._client_standards(), *ABSENT_MARKERS))
