# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
import re
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape
from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, mute_logger

from odoo.addons.phone_validation.tools import phone_validation

from ..tools import standards
from ..tools.cron import cron_progress
from .crm_client_value import FREQUENCY_CLASSES, SALE_MOVE_TYPES

# Fields whose value the data standards rewrite, and the "explicitly absent" marker of each
# contact field that may legitimately stay empty.
PHONE_FIELDS = ("phone", "mobile")
# Fields whose change can change a client's completeness.
COMPLETENESS_FIELDS = {
    "phone",
    "mobile",
    "email",
    "vat",
    "kpp",
    "ogrn",
    "street",
    "city",
    "birthday",
    "website",
    "user_id",
    "source_id",
    "preferred_channel",
    "call_time_from",
    "call_time_to",
    "call_weekday_ids",
    "client_type",
    "parent_id",
    "active",
    "is_company",
    "type",
    "phone_absent",
    "mobile_absent",
    "email_absent",
    "vat_absent",
    "birthday_absent",
    "website_absent",
}
COMPLETENESS_VERSION = "crm_client_base.completeness_version"
ABSENT_MARKERS = {
    "email": "email_absent",
    "phone": "phone_absent",
    "mobile": "mobile_absent",
    "vat": "vat_absent",
    "birthday": "birthday_absent",
    "website": "website_absent",
}
TELEGRAM = re.compile(r"^(?:https?://)?(?:t\.me/|telegram\.me/|@)?([A-Za-z][A-Za-z0-9_]{4,31})/?$")
SOCIAL_DOMAINS = {
    "social_vk": ("vk.com", "vk.ru", "m.vk.com"),
    "social_ok": ("ok.ru",),
    "social_instagram": ("instagram.com", "www.instagram.com"),
    "social_facebook": ("facebook.com", "www.facebook.com", "fb.com", "m.facebook.com"),
    "social_linkedin": ("linkedin.com", "www.linkedin.com", "ru.linkedin.com"),
}
URL = re.compile(r"^(?:https?://)?([^/\s:?#]+)(?::\d+)?(?:[/?#]\S*)?$", re.IGNORECASE)


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = "res.partner"

    # -- tracked core fields: every client-card change shows in the chatter ------------------
    name = fields.Char(tracking=True)
    email = fields.Char(tracking=True)
    phone = fields.Char(tracking=True)
    vat = fields.Char(tracking=True)
    street = fields.Char(tracking=True)
    street2 = fields.Char(tracking=True)
    city = fields.Char(tracking=True)
    zip = fields.Char(tracking=True)
    state_id = fields.Many2one(tracking=True)
    country_id = fields.Many2one(tracking=True)
    website = fields.Char(tracking=True)
    function = fields.Char(tracking=True)
    parent_id = fields.Many2one(tracking=True)
    user_id = fields.Many2one(tracking=True)
    tz = fields.Selection(tracking=True)
    lang = fields.Selection(tracking=True)
    # Odoo's UTM records; plain fields rather than utm.mixin, whose default_get (reading the
    # web visitor's cookies) costs a query per partner on every create.
    campaign_id = fields.Many2one(
        "utm.campaign", string="Acquisition campaign", tracking=True, index="btree_not_null", ondelete="set null"
    )
    source_id = fields.Many2one(
        "utm.source", string="Acquisition channel", tracking=True, index="btree_not_null", ondelete="set null"
    )
    medium_id = fields.Many2one("utm.medium", tracking=True, index="btree_not_null", ondelete="set null")

    # -- the client ---------------------------------------------------------------------------
    client_type = fields.Selection(
        selection=[
            ("company", "Company"),
            ("individual_entrepreneur", "Individual entrepreneur"),
            ("private_person", "Private person"),
        ],
        compute="_compute_client_type",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="Company: a legal entity (INN of 10 digits, KPP, OGRN). Individual entrepreneur: a "
        "person registered for business (INN of 12 digits, OGRNIP). Private person: a consumer.",
    )
    client_stage_id = fields.Many2one(
        "crm.client.stage",
        string="Lifecycle stage",
        tracking=True,
        index=True,
        ondelete="restrict",
        default=lambda self: self._default_client_stage(),
        group_expand="_read_group_expand_client_stage",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales team",
        tracking=True,
        index="btree_not_null",
        ondelete="set null",
        help="With a team that shares its clients, every member of the team sees this client.",
    )
    # The owner and team of the client a partner belongs to (itself, or its company), stored
    # so that the access rules filter on one indexed column instead of joining the company.
    client_owner_id = fields.Many2one(
        "res.users", related="commercial_partner_id.user_id", store=True, index="btree_not_null", string="Client owner"
    )
    client_team_id = fields.Many2one(
        "crm.team", related="commercial_partner_id.team_id", store=True, index="btree_not_null", string="Client team"
    )
    mobile = fields.Char(tracking=True, help="Stored in international format, like the phone.")
    kpp = fields.Char(
        string="KPP", size=9, tracking=True, help="Tax registration reason code: a branch has its own KPP."
    )
    ogrn = fields.Char(
        string="OGRN / OGRNIP",
        size=15,
        tracking=True,
        help="Primary state registration number: 13 digits for organisations, 15 for entrepreneurs.",
    )

    # -- how to reach the client -----------------------------------------------------------------
    call_time_from = fields.Float(
        "Call from", tracking=True, help="Start of the call window, in the client's timezone (hours)."
    )
    call_time_to = fields.Float(
        "Call until",
        tracking=True,
        help="End of the call window, in the client's timezone; earlier than the start means the "
        "window crosses midnight.",
    )
    call_weekday_ids = fields.Many2many(
        "crm.client.weekday", string="Call on", help="Weekdays the client accepts calls; none means any day."
    )
    preferred_channel = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "Email"),
            ("sms", "SMS"),
            ("whatsapp", "WhatsApp"),
            ("telegram", "Telegram"),
            ("other", "Other"),
        ],
        string="Preferred channel",
        tracking=True,
    )
    preferred_time = fields.Selection(
        [("morning", "Morning"), ("afternoon", "Afternoon"), ("evening", "Evening")],
        string="Preferred time",
        tracking=True,
    )
    telegram = fields.Char(tracking=True, help="Telegram user name (@name), t.me link, or phone number.")
    whatsapp = fields.Char("WhatsApp", tracking=True, help="WhatsApp phone number.")
    social_vk = fields.Char("VK", tracking=True)
    social_ok = fields.Char("Odnoklassniki", tracking=True)
    social_instagram = fields.Char("Instagram", tracking=True)
    social_facebook = fields.Char("Facebook", tracking=True)
    social_linkedin = fields.Char("LinkedIn", tracking=True)

    # -- key people --------------------------------------------------------------------------------
    contact_role_id = fields.Many2one(
        "crm.client.role", string="Key person role", tracking=True, index="btree_not_null"
    )
    is_decision_maker = fields.Boolean("Decision maker", tracking=True)

    # -- relationship ----------------------------------------------------------------------------------
    birthday = fields.Date(tracking=True)
    birthday_month = fields.Integer(compute="_compute_birthday_month", store=True, index="btree_not_null")
    family_member_ids = fields.One2many("crm.client.family.member", "partner_id", string="Family")
    hobby_ids = fields.Many2many("crm.client.hobby", string="Hobbies and interests")
    favourite_team = fields.Char(tracking=True)
    gift_ideas = fields.Text(tracking=True)
    purchase_preferences = fields.Text(tracking=True)

    # -- "explicitly absent" markers: a known gap counts as filled -------------------------------------
    email_absent = fields.Boolean("No email", tracking=True, help="The client has no email: not a gap to fill.")
    phone_absent = fields.Boolean("No phone", tracking=True)
    mobile_absent = fields.Boolean("No mobile", tracking=True)
    vat_absent = fields.Boolean("No INN", tracking=True)
    birthday_absent = fields.Boolean("Birthday unknown", tracking=True)
    website_absent = fields.Boolean("No website", tracking=True)

    # -- data quality ------------------------------------------------------------------------------------
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

    # -- completeness (policy: crm.client.completeness.rule) ---------------------------------------------
    client_completeness = fields.Integer(
        "Completeness",
        readonly=True,
        copy=False,
        index=True,
        aggregator="avg",
        help="How complete the card is, 0 to 100, by the completeness policy of its client type.",
    )
    client_missing_fields = fields.Text("Missing", readonly=True, copy=False, translate=True)
    client_completeness_version = fields.Integer(readonly=True, copy=False, index=True)
    client_missing_rule_ids = fields.Many2many(
        "crm.client.completeness.rule",
        "res_partner_client_missing_rule_rel",
        "partner_id",
        "rule_id",
        string="Missing requirements",
        readonly=True,
        copy=False,
    )
    # The same, one record per requirement whatever the client type: what the control groups by.
    client_missing_requirement_ids = fields.Many2many(
        "crm.client.requirement",
        "res_partner_client_missing_requirement_rel",
        "partner_id",
        "requirement_id",
        string="Missing, by requirement",
        readonly=True,
        copy=False,
    )
    client_is_stale = fields.Boolean(
        "Stale",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="No interaction and no invoice for the company's number of months (refreshed every night).",
    )
    client_incomplete = fields.Integer(
        "Below threshold",
        readonly=True,
        copy=False,
        aggregator="sum",
        help="1 when the completeness is below the company's threshold: summed, the number of incomplete clients.",
    )

    # -- interactions ------------------------------------------------------------------------------------
    interaction_ids = fields.One2many("crm.client.interaction", "partner_id", string="Interactions")
    interaction_count = fields.Integer(compute="_compute_interaction_stats")
    last_contact_date = fields.Datetime(readonly=True, copy=False, index="btree_not_null")
    days_since_contact = fields.Integer(compute="_compute_days_since_contact", search="_search_days_since_contact")
    calls_90d = fields.Integer("Calls (90 days)", compute="_compute_interaction_stats")
    meetings_90d = fields.Integer("Meetings (90 days)", compute="_compute_interaction_stats")
    emails_90d = fields.Integer("Emails (90 days)", compute="_compute_interaction_stats")
    messages_90d = fields.Integer("Messages (90 days)", compute="_compute_interaction_stats")
    visits_90d = fields.Integer("Visits (90 days)", compute="_compute_interaction_stats")

    # ---------------------------------------------------------------------------------------------
    # computes
    # ---------------------------------------------------------------------------------------------
    @api.depends("is_company")
    def _compute_client_type(self):
        for partner in self:
            if partner.is_company and partner.client_type in (False, "private_person"):
                partner.client_type = "company"
            elif not partner.is_company and not partner.client_type:
                partner.client_type = "private_person"

    @api.depends("birthday")
    def _compute_birthday_month(self):
        for partner in self:
            partner.birthday_month = partner.birthday.month if partner.birthday else 0

    @api.depends("client_flagged_fields")
    def _compute_client_needs_review(self):
        for partner in self:
            partner.client_needs_review = bool(partner.client_flagged_fields)

    @api.model
    def _default_client_stage(self):
        return self.env["crm.client.stage"].search([("active", "=", True)], limit=1)

    @api.model
    def _read_group_expand_client_stage(self, stages, domain):
        return stages.search([("active", "=", True)])

    @api.depends("last_contact_date")
    def _compute_days_since_contact(self):
        now = fields.Datetime.now()
        for partner in self:
            last = partner.last_contact_date
            partner.days_since_contact = (now - last).days if last else -1

    def _search_days_since_contact(self, operator, value):
        """Supports ``>=``/``>`` (no contact for N days, never contacted included) and
        ``<``/``<=`` (contacted within N days)."""
        if operator not in (">=", ">", "<", "<=") or not isinstance(value, int):
            raise UserError(self.env._("Search on days since contact takes a number of days and >, >=, < or <="))
        days = value + 1 if operator == ">" else value
        if operator in ("<", "<="):
            days = value if operator == "<" else value + 1
            return [("last_contact_date", ">", fields.Datetime.now() - timedelta(days=days))]
        limit = fields.Datetime.now() - timedelta(days=days)
        return ["|", ("last_contact_date", "=", False), ("last_contact_date", "<=", limit)]

    def _compute_interaction_stats(self):
        """Counts per interaction type over the last 90 days, and the total, in two queries
        for the whole recordset whatever its number of interactions."""
        real = self.filtered("id")
        since = fields.Datetime.now() - timedelta(days=90)
        Interaction = self.env["crm.client.interaction"]
        recent = {
            (partner.id, kind): count
            for partner, kind, count in Interaction._read_group(
                [("partner_id", "in", real.ids), ("date", ">=", since)], ["partner_id", "interaction_type"], ["__count"]
            )
        }
        totals = {
            partner.id: count
            for partner, count in Interaction._read_group([("partner_id", "in", real.ids)], ["partner_id"], ["__count"])
        }
        for partner in self:
            partner.interaction_count = totals.get(partner.id, 0)
            partner.calls_90d = recent.get((partner.id, "call"), 0)
            partner.meetings_90d = recent.get((partner.id, "meeting"), 0)
            partner.emails_90d = recent.get((partner.id, "email"), 0)
            partner.messages_90d = recent.get((partner.id, "message"), 0)
            partner.visits_90d = recent.get((partner.id, "visit"), 0)

    # ---------------------------------------------------------------------------------------------
    # data standards, on every create and write (form, import, RPC)
    # ---------------------------------------------------------------------------------------------
    def _phone_get_number_fields(self):
        return [*super()._phone_get_number_fields(), "mobile"]

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

    @api.model
    def _client_standardize(self, vals, partner=None):
        """Return (vals, changes, flagged): ``vals`` rewritten to the data standards,
        ``changes`` {field: (typed, stored)} for each value the standards rewrote, and
        ``flagged`` the fields kept although invalid. Raises ValidationError on a value that
        cannot be brought to the standards, unless the company keeps and flags them."""
        vals = dict(vals)
        changes = {}
        flagged = []
        if vals.get("name"):
            self._client_rewrite(vals, "name", standards.normalize_name(vals["name"]), changes)
        if vals.get("email"):
            normalized, invalid = standards.normalize_email(vals["email"])
            if invalid:
                raise ValidationError(
                    self.env._(
                        "Email: %(value)s is not a valid email address.",
                        value=", ".join(invalid),
                    )
                )
            self._client_rewrite(vals, "email", normalized, changes)
        phone_fields = [fname for fname in (*PHONE_FIELDS, "whatsapp") if vals.get(fname)]
        if phone_fields:
            country, known = self._client_phone_country(vals, partner)
            company = (partner and partner.company_id) or self.env.company
            for fname in phone_fields:
                if not known and country.code != "RU" and standards.russian_national_phone(vals[fname]):
                    # "8 (495) 123-45-67" of a client without a country, in a company of another
                    # country: read there, it becomes another country's number. Ask instead.
                    if company.client_invalid_phone_policy == "flag":
                        flagged.append(fname)
                        continue
                    raise ValidationError(
                        self.env._(
                            "%(field)s: %(value)s is written the Russian way (8 and ten digits), but the client "
                            "has no country: set the client's country, or write the number with its country code "
                            "(+7 …).",
                            field=self._fields[fname].get_description(self.env)["string"],
                            value=vals[fname],
                        )
                    )
                try:
                    formatted = phone_validation.phone_format(
                        vals[fname].strip(),
                        country.code,
                        country.phone_code,
                        force_format="INTERNATIONAL",
                        raise_exception=True,
                    )
                except UserError as exc:
                    if company.client_invalid_phone_policy == "flag":
                        flagged.append(fname)
                        continue
                    # Odoo's reason carries the phone library's English words: say what to do.
                    label = self._fields[fname].get_description(self.env)["string"]
                    if country:
                        message = self.env._(
                            "%(field)s: %(value)s is not a phone number of %(country)s: write its digits, with "
                            "the country code for another country (+7 495 123-45-67).",
                            field=label,
                            value=vals[fname],
                            country=country.name,
                        )
                    else:
                        message = self.env._(
                            "%(field)s: %(value)s is not a phone number: write its digits with the country code "
                            "(+7 495 123-45-67).",
                            field=label,
                            value=vals[fname],
                        )
                    raise ValidationError(message) from exc
                self._client_rewrite(vals, fname, formatted, changes)
        if vals.get("telegram"):
            match = TELEGRAM.match(vals["telegram"].strip())
            if match:
                self._client_rewrite(vals, "telegram", "@" + match.group(1), changes)
            else:
                raise ValidationError(
                    self.env._(
                        "Telegram: %(value)s is neither a user name (@name, 5 to 32 letters, digits or _) "
                        "nor a t.me link.",
                        value=vals["telegram"],
                    )
                )
        for fname, domains in SOCIAL_DOMAINS.items():
            if vals.get(fname):
                value = vals[fname].strip()
                match = URL.match(value)
                host = match and match.group(1).lower()
                if not host or host not in domains:
                    raise ValidationError(
                        self.env._(
                            "%(field)s: %(value)s is not a link to %(site)s.",
                            field=self._fields[fname].get_description(self.env)["string"],
                            value=vals[fname],
                            site=domains[0],
                        )
                    )
                if not value.lower().startswith(("http://", "https://")):
                    value = "https://" + value
                self._client_rewrite(vals, fname, value, changes)
        for fname in ("kpp", "ogrn"):
            if vals.get(fname):
                self._client_rewrite(vals, fname, re.sub(r"\s", "", vals[fname]).upper(), changes)
        if "vat" in vals and vals["vat"]:
            self._client_rewrite(vals, "vat", vals["vat"].strip(), changes)
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
        fields_ = ("phone", "mobile", "whatsapp", "email", "telegram")
        vals = {fname: self[fname] for fname in fields_ if self[fname]}
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

    @api.model
    def _client_rewrite(self, vals, fname, new, changes):
        typed = vals[fname]
        if new != typed:
            if isinstance(typed, str) and new != typed.strip():
                changes[fname] = (typed, new)
            vals[fname] = new

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
                    Markup("<li>%s: <b>%s</b> → %s</li>")
                    % (self._fields[fname].get_description(self.env)["string"], typed, stored)
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
        # The default stage once for the whole batch, not once per partner.
        first_stage = None
        for vals in vals_list:
            if "client_stage_id" in vals:
                continue
            if vals.get("parent_id"):
                # Contacts and addresses of a company follow their company's stage.
                vals["client_stage_id"] = False
            else:
                if first_stage is None:
                    first_stage = self._default_client_stage().id
                vals["client_stage_id"] = first_stage
        owner = self._client_new_card_owner()
        for vals in vals_list:
            if owner and not vals.get("parent_id") and "user_id" not in vals:
                vals["user_id"] = owner.id
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
        (partners | partners.parent_id)._client_compute_completeness()
        return partners

    def write(self, vals):
        if "user_id" in vals:
            self._client_check_reassign(vals["user_id"])
        if not self._client_touches_standards(vals):
            result = super().write(vals)
        else:
            # Phones are read in each partner's own country: standardize partner by partner,
            # then write the partners that end with the same values together.
            groups, changes = self._client_standardize_for_write(vals)
            result = True
            for new, ids in groups.values():
                result = super(ResPartner, self.browse(ids)).write(new) and result
            if changes and not self.env.context.get("tracking_disable"):
                self.browse(changes)._client_log_changes(changes)
        if vals.get("client_stage_id"):
            self._client_hand_off()
        if COMPLETENESS_FIELDS & set(vals):
            (self | self.parent_id)._client_compute_completeness()
        return result

    def _client_standardize_for_write(self, vals):
        """Return ({key: (vals, partner ids)}, {partner id: changes}) for a write of ``vals``."""
        groups = {}
        changes = {}
        for partner in self:
            new, partner_changes, flagged = self._client_standardize(vals, partner)
            if any(fname in vals for fname in (*PHONE_FIELDS, "whatsapp")):
                kept = set(filter(None, (partner.client_flagged_fields or "").split(",")))
                touched = {fname for fname in (*PHONE_FIELDS, "whatsapp") if fname in vals}
                new["client_flagged_fields"] = ",".join(sorted((kept - touched) | set(flagged))) or False
            if partner_changes:
                changes[partner.id] = partner_changes
            key = repr(sorted(new.items(), key=lambda item: item[0]))
            groups.setdefault(key, (new, []))[1].append(partner.id)
        return groups, changes

    @api.model
    def _client_touches_standards(self, vals):
        watched = {"name", "email", "phone", "mobile", "whatsapp", "telegram", "kpp", "ogrn", "vat"}
        watched.update(SOCIAL_DOMAINS, ABSENT_MARKERS)
        return any(vals.get(fname) for fname in watched)

    # ---------------------------------------------------------------------------------------------
    # the boundary: what a user may learn of a client they may not read (that it exists, and who
    # holds it), and no follower who may not read it
    # ---------------------------------------------------------------------------------------------
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

    # ---------------------------------------------------------------------------------------------
    # ownership: the free pool, reassignment, hand-off by stage, return to the pool
    # ---------------------------------------------------------------------------------------------
    def _client_check_reassign(self, user_id):
        """Only sales managers and "All documents" salespeople give clients to others; a salesperson
        with "Own documents only" takes pool clients for themselves or hands their own back;
        other users (invoicing, accounting) never change who owns a client."""
        if self.env.su or self.env.user.has_group("sales_team.group_sale_salesman_all_leads"):
            return
        new_id = user_id.id if isinstance(user_id, models.BaseModel) else (user_id or False)
        me = self.env.user
        changed = self.filtered(lambda p: p.user_id.id != new_id)
        if not changed:
            return
        if me.has_group("sales_team.group_sale_salesman") and new_id in (me.id, False):
            if all(p.user_id in (me, self.env["res.users"]) for p in changed):
                return
        if all(p.user_id == me for p in changed):
            raise AccessError(
                self.env._(
                    "Only sales managers give clients to another salesperson: hand %(clients)s back to the "
                    "free pool, or ask a sales manager.",
                    clients=", ".join(changed[:5].mapped("display_name")),
                )
            )
        raise AccessError(
            self.env._(
                "Only sales managers reassign clients: %(clients)s belong to another salesperson.",
                # Named only as far as the user may read them.
                clients=", ".join(changed._filtered_access("read")[:5].mapped("display_name"))
                or self.env._("these clients"),
            )
        )

    @api.model
    def default_get(self, fields_list):
        # A form shows the new card's holder from the start (the web client sends every field
        # of the form on save, an empty salesperson included).
        defaults = super().default_get(fields_list)
        if "user_id" in fields_list and not defaults.get("user_id") and not defaults.get("parent_id"):
            owner = self._client_new_card_owner()
            if owner:
                defaults["user_id"] = owner.id
        return defaults

    @api.model
    def _client_new_card_owner(self):
        """Who holds a card a user creates without naming its salesperson: the creator when a
        salesperson and the company says so, else no one (the free pool)."""
        if self.env.su or self.env.company.client_new_card_owner != "creator":
            return self.env["res.users"]
        user = self.env.user
        return user if user.has_group("sales_team.group_sale_salesman") else self.env["res.users"]

    def action_take_from_pool(self):
        """Give the selected free-pool clients to the current user.

        Safe when two salespeople take the same client at the same moment: the row is locked
        without waiting, so exactly one of them gets it and the other a clear message.
        """
        me = self.env.user
        company = self.env.company
        limit = company.client_limit_per_salesperson
        if limit:
            held = self.search_count([("user_id", "=", me.id), ("parent_id", "=", False)])
            if held + len(self) > limit:
                raise UserError(
                    self.env._(
                        "You already hold %(held)s clients and the limit is %(limit)s: hand some back to "
                        "the pool first.",
                        held=held,
                        limit=limit,
                    )
                )
        # Read as superuser: a colleague's client is answered below, naming its holder only.
        own = self.sudo().filtered(lambda p: not p.partner_share or p.ref_company_ids).with_env(self.env)
        if own:
            raise UserError(
                self.env._(
                    "%(partner)s is a partner of the company itself (a company or a user), not a client of the "
                    "free pool.",
                    partner=own[0].display_name,
                )
            )
        self.flush_recordset(["user_id"])
        # The client may have left this user's sight since the list was loaded (taken by a
        # colleague): the answer names its new holder, and the client only if the user may still
        # read it, so that no id reveals a colleague's client.
        readable = set(self._filtered_access("read").ids)
        for partner in self:
            name = partner.display_name if partner.id in readable else self.env._("This client")
            try:
                # A busy row is an expected answer here, not an error worth logging.
                with self.env.cr.savepoint(flush=False), mute_logger("odoo.sql_db"):
                    self.env.cr.execute(
                        SQL("SELECT user_id FROM res_partner WHERE id = %s FOR UPDATE NOWAIT", partner.id)
                    )
                    row = self.env.cr.fetchone()
            except (pg_errors.LockNotAvailable, pg_errors.SerializationFailure):
                raise UserError(self.env._("Someone is taking %(client)s right now: try again.", client=name)) from None
            if not row:
                raise UserError(self.env._("This client no longer exists."))
            owner_id = row[0]
            if owner_id and owner_id != me.id:
                owner = self.env["res.users"].sudo().browse(owner_id)
                raise UserError(self.env._("%(client)s was just taken by %(owner)s.", client=name, owner=owner.name))
            partner.invalidate_recordset(["user_id"])
        # Free clients only, and only those this user may edit (company rules still hold).
        self.check_access("write")
        self.sudo().write({"user_id": me.id})
        self._client_take_pool_activities(me)
        return True

    def _client_pool_activity_users(self):
        """The users who hold the activities of free-pool clients until someone takes them."""
        return self.env.ref("base.user_root")

    def _client_take_pool_activities(self, user):
        """The open activities of these clients (and their contacts) held for the pool pass to
        ``user``, who took them."""
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", self.search([("commercial_partner_id", "in", self.ids)]).ids),
                    "|",
                    ("user_id", "=", False),
                    ("user_id", "in", self._client_pool_activity_users().ids),
                ]
            )
        )
        activities.write({"user_id": user.id})

    def action_release_to_pool(self):
        """Hand one's own clients back to the free pool."""
        self.write({"user_id": False})
        return True

    def _client_hand_off(self):
        """Clients entering a stage that hands off to a team pass to that team."""
        for partner in self.filtered(lambda p: p.client_stage_id.handoff_team_id and not p.parent_id):
            team = partner.client_stage_id.handoff_team_id
            if partner.team_id == team and partner.user_id in team.member_ids | team.user_id:
                continue
            owner = team.user_id or self._client_least_busy(team.member_ids)
            partner.sudo().write({"team_id": team.id, "user_id": owner.id})

    @api.model
    def _client_least_busy(self, users):
        if not users:
            return self.env["res.users"]
        counts = dict(
            self._read_group([("user_id", "in", users.ids), ("parent_id", "=", False)], ["user_id"], ["__count"])
        )
        return min(users, key=lambda user: (counts.get(user, 0), user.id))

    @api.model
    def _cron_return_to_pool(self):
        """Return to the free pool the clients without interaction for the company's number of
        days, and tell each salesperson which clients they lost."""
        for company in self.env["res.company"].search([("client_pool_return_days", ">", 0)]):
            limit = fields.Datetime.now() - timedelta(days=company.client_pool_return_days)
            stale = self.search(
                [
                    ("user_id", "!=", False),
                    ("parent_id", "=", False),
                    ("company_id", "in", (company.id, False)),
                    "|",
                    ("last_contact_date", "<", limit),
                    "&",
                    ("last_contact_date", "=", False),
                    ("create_date", "<", limit),
                ]
            )
            for salesperson, clients in stale.grouped("user_id").items():
                clients.write({"user_id": False})
                clients[:1].message_notify(
                    partner_ids=salesperson.partner_id.ids,
                    subject=self.env._("Clients returned to the free pool"),
                    body=self.env._(
                        "No interaction for %(days)s days: %(clients)s went back to the free pool.",
                        days=company.client_pool_return_days,
                        clients=", ".join(clients.mapped("display_name")),
                    ),
                )

    # ---------------------------------------------------------------------------------------------
    # export protection
    # ---------------------------------------------------------------------------------------------
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

    # ---------------------------------------------------------------------------------------------
    # completeness
    # ---------------------------------------------------------------------------------------------
    @api.model
    def _client_completeness_checks(self):
        """Check name -> predicate(partner, has_key_person)."""

        def phone(p, _k):
            return bool(p.phone or p.mobile or p.phone_absent or p.mobile_absent)

        return {
            "phone": phone,
            "phone_or_email": lambda p, k: phone(p, k) or bool(p.email or p.email_absent),
            "email": lambda p, _k: bool(p.email or p.email_absent),
            "vat": lambda p, _k: bool(p.vat or p.vat_absent),
            "kpp": lambda p, _k: bool(p.kpp),
            "ogrn": lambda p, _k: bool(p.ogrn),
            "address": lambda p, _k: bool(p.street and p.city),
            "key_person": lambda _p, k: k,
            "birthday": lambda p, _k: bool(p.birthday or p.birthday_absent),
            "website": lambda p, _k: bool(p.website or p.website_absent),
            "salesperson": lambda p, _k: bool(p.user_id),
            "source": lambda p, _k: bool(p.source_id),
            "preferred_channel": lambda p, _k: bool(p.preferred_channel),
            "call_window": lambda p, _k: bool(p.call_time_from or p.call_time_to or p.call_weekday_ids),
        }

    def _client_compute_completeness(self):
        """Store the completeness score and the missing requirements (in every installed
        language) of the clients among ``self``, in one UPDATE per batch."""
        clients = self.filtered(lambda p: p.id and not p.parent_id)
        if not clients:
            return
        version = int(self.env["ir.config_parameter"].sudo().get_param(COMPLETENESS_VERSION, 0))
        rules = self.env["crm.client.completeness.rule"].sudo().search([("active", "=", True)])
        by_type = rules.grouped("client_type")
        # en_US is what Odoo falls back on when a language has no value of its own.
        langs = list(dict.fromkeys(["en_US", *(code for code, _name in self.env["res.lang"].get_installed())]))
        labels = {rule: {lang: rule.with_context(lang=lang).name for lang in langs} for rule in rules}
        with_people = {
            parent.id
            for parent, _count in self.sudo()._read_group(
                [("parent_id", "in", clients.ids), ("type", "=", "contact")], ["parent_id"], ["__count"]
            )
        }
        checks = self._client_completeness_checks()
        rows = []
        for partner in clients.sudo():
            applicable = by_type.get(partner.client_type, rules.browse())
            total = sum(applicable.mapped("weight"))
            missing = applicable.filtered(lambda r, p=partner: not checks[r.requirement](p, p.id in with_people))
            score = round(100 * (total - sum(missing.mapped("weight"))) / total) if total else 100
            text = {lang: ", ".join(labels[rule][lang] for rule in missing) for lang in langs} if missing else None
            threshold = (partner.company_id or self.env.company).client_completeness_threshold
            rows.append((partner.id, score, json.dumps(text) if text else None, int(score < threshold), missing.ids))
        self.env.execute_query(
            SQL(
                """
                UPDATE res_partner p
                   SET client_completeness = v.score,
                       client_missing_fields = v.missing::jsonb,
                       client_incomplete = v.incomplete,
                       client_completeness_version = %s
                  FROM (SELECT unnest(%s::int[]) AS id, unnest(%s::int[]) AS score, unnest(%s::text[]) AS missing,
                               unnest(%s::int[]) AS incomplete) v
                 WHERE p.id = v.id
                """,
                version,
                [row[0] for row in rows],
                [row[1] for row in rows],
                [row[2] for row in rows],
                [row[3] for row in rows],
            )
        )
        requirement_of = {
            requirement.code: requirement.id
            for requirement in self.env["crm.client.requirement"]
            .sudo()
            .search([("code", "in", rules.mapped("requirement"))])
        }
        code_of = {rule.id: rule.requirement for rule in rules}
        ids = [row[0] for row in rows]
        for table, column, pairs in (
            (
                "res_partner_client_missing_rule_rel",
                "rule_id",
                {(row[0], rule_id) for row in rows for rule_id in row[4]},
            ),
            (
                "res_partner_client_missing_requirement_rel",
                "requirement_id",
                {
                    (row[0], requirement_of[code_of[rule_id]])
                    for row in rows
                    for rule_id in row[4]
                    if code_of[rule_id] in requirement_of
                },
            ),
        ):
            self.env.execute_query(SQL("DELETE FROM %s WHERE partner_id = ANY(%s)", SQL.identifier(table), ids))
            if pairs:
                self.env.execute_query(
                    SQL(
                        "INSERT INTO %s (partner_id, %s) SELECT unnest(%s::int[]), unnest(%s::int[])",
                        SQL.identifier(table),
                        SQL.identifier(column),
                        [pair[0] for pair in pairs],
                        [pair[1] for pair in pairs],
                    )
                )
        clients.invalidate_recordset(
            [
                "client_completeness",
                "client_missing_fields",
                "client_completeness_version",
                "client_incomplete",
                "client_missing_rule_ids",
                "client_missing_requirement_ids",
            ]
        )

    def action_client_request_completion(self):
        """Give each salesperson one activity per incomplete client among ``self``, listing what
        is missing; a client that already has such an open activity gets no second one."""
        activity_type = self.env.ref("crm_client_base.mail_activity_type_client_complete")
        incomplete = self.filtered(lambda p: not p.parent_id and p.client_incomplete and p.user_id)
        if not incomplete:
            return 0
        already = {
            activity.res_id
            for activity in self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", incomplete.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        todo = incomplete.filtered(lambda p: p.id not in already)
        model_id = self.env["ir.model"]._get_id("res.partner")
        self.env["mail.activity"].sudo().create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": partner.id,
                    "activity_type_id": activity_type.id,
                    "user_id": partner.user_id.id,
                    "summary": activity_type.with_context(lang=partner.user_id.lang).summary,
                    "note": partner.with_context(lang=partner.user_id.lang).client_missing_fields,
                }
                for partner in todo
            ]
        )
        return len(todo)

    @api.model
    def _cron_client_request_completion(self):
        incomplete = self.search([("parent_id", "=", False), ("client_incomplete", "=", 1), ("user_id", "!=", False)])
        incomplete.action_client_request_completion()

    @api.model
    def _client_inactive_domain(self, company, since):
        """Clients of ``company`` with no interaction and no posted customer invoice since
        ``since`` (a datetime)."""
        invoiced = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("state", "=", "posted"),
                    ("invoice_date", ">=", since.date()),
                ],
                ["commercial_partner_id"],
            )
        )
        return [
            ("parent_id", "=", False),
            ("partner_share", "=", True),
            ("company_id", "in", (company.id, False)),
            "|",
            ("last_contact_date", "=", False),
            ("last_contact_date", "<", since),
            ("id", "not in", [partner.id for (partner,) in invoiced]),
        ]

    @api.model
    def _client_stale_ids(self, company):
        """Clients of ``company`` inactive for its number of months, and older than that."""
        since = fields.Datetime.now() - relativedelta(months=company.client_stale_months or 12)
        domain = [*self._client_inactive_domain(company, since), ("create_date", "<", since)]
        return set(self.sudo().search(domain).ids)

    @api.model
    def _cron_client_stale(self):
        """Refresh the stale flag of every client, touching only the rows that change."""
        stale = set()
        for company in self.env["res.company"].search([("client_stale_months", ">", 0)]):
            stale |= self._client_stale_ids(company)
        self.env.execute_query(
            SQL(
                "UPDATE res_partner SET client_is_stale = (id = ANY(%s))"
                " WHERE parent_id IS NULL AND client_is_stale IS DISTINCT FROM (id = ANY(%s))",
                sorted(stale),
                sorted(stale),
            )
        )
        self.invalidate_model(["client_is_stale"])

    @api.model
    def _cron_client_data_review(self):
        """Every six months: the data steward of each company gets a checklist activity with the
        counts of incomplete, stale and duplicate-suspect clients."""
        for company in self.env["res.company"].search([("client_data_steward_id", "!=", False)]):
            domain = [
                ("parent_id", "=", False),
                ("partner_share", "=", True),
                ("company_id", "in", (company.id, False)),
            ]
            steward = company.client_data_steward_id
            env = self.with_context(lang=steward.lang).env
            incomplete = self.sudo().search_count([*domain, ("client_incomplete", "=", 1)])
            stale = self.sudo().search_count([*domain, ("client_is_stale", "=", True)])
            duplicates = (
                self.env["crm.client.duplicate"].sudo().search_count([("state", "=", "open")])
                if "crm.client.duplicate" in self.env
                else 0
            )
            items = [
                env._("Incomplete clients to complete: %s", incomplete),
                env._("Stale clients to wake up or archive: %s", stale),
                env._("Duplicate suspects to review: %s", duplicates),
                env._("Check the completeness policy still fits the business."),
            ]
            note = Markup("<ul>%s</ul>") % Markup("").join(Markup("<li>%s</li>") % item for item in items)
            company.partner_id.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=env._("Client data review"),
                note=note,
                user_id=steward.id,
            )

    @api.model
    def _client_completeness_policy_changed(self):
        """A new policy: every client is recomputed in the background, in batches."""
        params = self.env["ir.config_parameter"].sudo()
        params.set_param(COMPLETENESS_VERSION, int(params.get_param(COMPLETENESS_VERSION, 0)) + 1)
        cron = self.env.ref("crm_client_base.ir_cron_client_completeness", raise_if_not_found=False)
        if cron:
            cron.sudo()._trigger()

    @api.model
    def _client_completeness_pending_domain(self):
        version = int(self.env["ir.config_parameter"].sudo().get_param(COMPLETENESS_VERSION, 0))
        return [("parent_id", "=", False), ("client_completeness_version", "<", version)]

    @api.model
    def _cron_client_completeness(self, batch=1000):
        """Recompute the clients computed under an older policy, batch by batch; each batch is
        committed on its own, so the partner rows stay locked for a moment only."""
        Partner = self.with_context(active_test=False).sudo()
        while True:
            todo = Partner.search(self._client_completeness_pending_domain(), limit=batch, order="id")
            if not todo:
                return
            todo._client_compute_completeness()
            if not self.env.context.get("ir_cron_progress_id"):
                continue
            remaining = Partner.search_count(self._client_completeness_pending_domain())
            if not cron_progress(self.env, len(todo), remaining=remaining):
                return

    # ---------------------------------------------------------------------------------------------
    # Russian identifiers
    # ---------------------------------------------------------------------------------------------
    def _client_is_russian(self):
        self.ensure_one()
        country = self.country_id or self.commercial_partner_id.country_id or self.company_id.country_id
        country = country or self.env.company.country_id
        return country.code == "RU"

    def check_vat_ru(self, vat):
        """Validate an INN with python-stdnum.

        base_vat's own check forgets the final "modulo 10" of the 12-digit INN algorithm and
        so refuses every valid personal INN whose check digit comes out of a remainder of 10
        (about one in eleven entrepreneurs and private persons).
        """
        return standards.check_inn(vat) is None

    @api.model
    def _run_vat_checks(self, country, vat, partner_name="", validation="error"):
        # base_vat knows an INN only as "a VAT that does not seem valid": say what is wrong.
        if country and country.code == "RU" and vat and vat != "/" and validation == "error":
            reason = standards.check_inn(vat)
            if reason:
                raise ValidationError(self._client_inn_message(vat, partner_name, reason))
        return super()._run_vat_checks(country, vat, partner_name=partner_name, validation=validation)

    def _client_inn_message(self, vat, partner_name, reason):
        reasons = {
            "wrong INN checksum": self.env._("its check digits are wrong (a typo?)"),
        }
        return self.env._(
            "INN %(value)s of %(partner)s is not valid: %(reason)s.",
            value=vat,
            partner=partner_name or self.env._("this client"),
            reason=reasons.get(reason, self.env._("an INN has 10 digits (organisations) or 12 digits (individuals)")),
        )

    @api.constrains("vat", "kpp", "ogrn", "client_type", "country_id", "parent_id")
    def _check_client_identifiers(self):
        for partner in self:
            if not partner._client_is_russian():
                continue
            kind = partner.client_type
            if partner.vat and partner.vat != "/":
                reason = standards.check_inn(partner.vat)
                if reason:
                    raise ValidationError(partner._client_inn_message(partner.vat, partner.name, reason))
                digits = len(partner.vat)
                if kind == "company" and partner.is_company and digits != 10:
                    raise ValidationError(
                        self.env._(
                            "INN %(value)s of %(partner)s has 12 digits, the INN of an individual: "
                            "set the client type to individual entrepreneur or private person, or "
                            "enter the organisation's 10-digit INN.",
                            value=partner.vat,
                            partner=partner.name,
                        )
                    )
                if kind == "individual_entrepreneur" and digits != 12:
                    raise ValidationError(
                        self.env._(
                            "INN %(value)s of %(partner)s has 10 digits, the INN of an organisation: an "
                            "individual entrepreneur has a 12-digit INN.",
                            value=partner.vat,
                            partner=partner.name,
                        )
                    )
            if partner.kpp:
                if standards.check_kpp(partner.kpp):
                    raise ValidationError(
                        self.env._(
                            "KPP %(value)s of %(partner)s is not valid: a KPP has 9 characters "
                            "(4 digits, 2 digits or capital letters, 3 digits).",
                            value=partner.kpp,
                            partner=partner.name,
                        )
                    )
                if kind == "individual_entrepreneur":
                    raise ValidationError(
                        self.env._(
                            "%(partner)s is an individual entrepreneur: entrepreneurs have no KPP.",
                            partner=partner.name,
                        )
                    )
            if partner.ogrn:
                reason = standards.check_ogrn(partner.ogrn)
                if reason:
                    raise ValidationError(
                        self.env._(
                            "OGRN %(value)s of %(partner)s is not valid: %(reason)s.",
                            value=partner.ogrn,
                            partner=partner.name,
                            reason=self.env._("its check digit is wrong (a typo?)")
                            if "checksum" in reason
                            else self.env._("an OGRN has 13 digits, an OGRNIP 15 digits"),
                        )
                    )
                expected = {"company": 13, "individual_entrepreneur": 15}.get(kind)
                if expected and len(partner.ogrn) != expected:
                    raise ValidationError(
                        self.env._(
                            "%(partner)s: an organisation has a 13-digit OGRN, an individual "
                            "entrepreneur a 15-digit OGRNIP; %(value)s has %(digits)s digits.",
                            partner=partner.name,
                            value=partner.ogrn,
                            digits=len(partner.ogrn),
                        )
                    )

    @api.constrains("call_time_from", "call_time_to")
    def _check_call_window(self):
        for partner in self:
            for value in (partner.call_time_from, partner.call_time_to):
                if not 0 <= value <= 24:
                    raise ValidationError(
                        self.env._(
                            "%(partner)s: a call window is given in hours between 00:00 and 24:00.",
                            partner=partner.name,
                        )
                    )

    @api.constrains("birthday")
    def _check_birthday(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.birthday and not standards.plausible_birthday(partner.birthday, today):
                raise ValidationError(
                    self.env._(
                        "%(partner)s: birthday %(date)s is not a plausible date of birth.",
                        partner=partner.name,
                        date=partner.birthday,
                    )
                )

    # ---------------------------------------------------------------------------------------------
    # interactions
    # ---------------------------------------------------------------------------------------------
    def _client_refresh_last_contact(self):
        """Store the date of each partner's latest interaction, in one query."""
        if not self.ids:
            return
        self.env["crm.client.interaction"].flush_model(["partner_id", "date"])
        self.flush_recordset(["last_contact_date"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET last_contact_date = i.last
                  FROM (SELECT p2.id, max(ci.date) AS last
                          FROM res_partner p2
                     LEFT JOIN crm_client_interaction ci ON ci.partner_id = p2.id
                         WHERE p2.id IN %s
                      GROUP BY p2.id) i
                 WHERE p.id = i.id AND p.last_contact_date IS DISTINCT FROM i.last
                """,
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["last_contact_date", "days_since_contact"])

    def action_log_interaction(self):
        """Open the form logging an interaction with this client (a call by default)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log an interaction"),
            "res_model": "crm.client.interaction",
            "view_mode": "form",
            "views": [(self.env.ref("crm_client_base.crm_client_interaction_view_form_quick").id, "form")],
            "target": "new",
            "context": {
                "default_partner_id": self.commercial_partner_id.id,
                "default_contact_id": self.id if self.parent_id else False,
                "default_interaction_type": self.env.context.get("interaction_type", "call"),
            },
        }

    def action_open_interactions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("crm_client_base.crm_client_interaction_action")
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

    def action_restore_history(self):
        """Open the list of this client's tracked changes, from which one restores a value."""
        self.ensure_one()
        wizard = self.env["crm.client.history.wizard"].create({"partner_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("History of %s", self.display_name),
            "res_model": "crm.client.history.wizard",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }


class ResPartnerClientValue(models.Model):
    """Client value figures on the card: the current company's row of crm.client.value."""

    _inherit = "res.partner"

    client_value_ids = fields.One2many("crm.client.value", "partner_id", string="Client value")
    client_segment_ids = fields.Many2many(
        "crm.client.segment",
        "crm_client_segment_partner_rel",
        "partner_id",
        "segment_id",
        string="Segments",
    )
    client_revenue = fields.Monetary(
        "Revenue",
        compute="_compute_client_value",
        search="_search_client_revenue",
        currency_field="client_value_currency_id",
        help="Posted customer invoices, untaxed, net of refunds, in the company currency.",
    )
    client_revenue_12m = fields.Monetary(
        "Revenue, last 12 months",
        compute="_compute_client_value",
        search="_search_client_revenue_12m",
        currency_field="client_value_currency_id",
    )
    client_invoice_count = fields.Integer(
        "Posted invoices", compute="_compute_client_value", search="_search_client_invoice_count"
    )
    client_first_purchase_date = fields.Date(
        "First purchase", compute="_compute_client_value", search="_search_client_first_purchase_date"
    )
    client_last_purchase_date = fields.Date(
        "Last purchase", compute="_compute_client_value", search="_search_client_last_purchase_date"
    )
    client_average_invoice = fields.Monetary(
        "Average invoice",
        compute="_compute_client_value",
        search="_search_client_average_invoice",
        currency_field="client_value_currency_id",
    )
    client_frequency_class = fields.Selection(
        FREQUENCY_CLASSES,
        string="Purchase frequency",
        compute="_compute_client_value",
        search="_search_client_frequency_class",
    )
    client_rfm_segment = fields.Selection(
        selection=lambda self: self.env["crm.client.value"]._fields["rfm_segment"].selection,
        string="RFM segment",
        compute="_compute_client_value",
        search="_search_client_rfm_segment",
    )
    client_rfm_score = fields.Char("RFM score", compute="_compute_client_value")
    client_overdue = fields.Monetary(
        "Overdue",
        compute="_compute_client_overdue",
        currency_field="client_value_currency_id",
        help="Receivable past its due date, from the open journal items.",
    )
    client_value_currency_id = fields.Many2one("res.currency", compute="_compute_client_value")
    client_purchase_line_ids = fields.One2many(
        "account.move.line",
        string="Purchased lines",
        compute="_compute_client_purchase_line_ids",
        search="_search_client_purchase_line_ids",
        help="A filter on what clients bought: the product lines of their posted invoices and refunds "
        "in your companies, e.g. [('client_purchase_line_ids', 'any', [('product_id.categ_id', 'child_of', 5), "
        "('price_subtotal', '>', 700), ('date', '>=', '2026-04-01'), ('date', '<=', '2026-05-31')])].",
    )

    _CLIENT_VALUE_FIELDS = {
        "client_revenue": "revenue_total",
        "client_revenue_12m": "revenue_12m",
        "client_invoice_count": "invoice_count",
        "client_first_purchase_date": "first_purchase_date",
        "client_last_purchase_date": "last_purchase_date",
        "client_average_invoice": "average_invoice",
        "client_frequency_class": "frequency_class",
        "client_rfm_segment": "rfm_segment",
    }

    def unlink(self):
        ids = self.ids
        result = super().unlink()
        self.env["crm.client.value"]._forget("partner_id", ids)
        return result

    @api.depends_context("company")
    def _compute_client_value(self):
        company = self.env.company
        commercial = self.commercial_partner_id
        rows = (
            self.env["crm.client.value"]
            .sudo()
            .search_fetch(
                [("partner_id", "in", commercial.ids), ("company_id", "=", company.id)],
                [*self._CLIENT_VALUE_FIELDS.values(), "partner_id", "rfm_recency", "rfm_frequency", "rfm_monetary"],
            )
        )
        by_partner = {row.partner_id.id: row for row in rows}
        for partner in self:
            row = by_partner.get(partner.commercial_partner_id.id)
            partner.client_value_currency_id = company.currency_id
            for name, column in self._CLIENT_VALUE_FIELDS.items():
                partner[name] = row[column] if row else False
            partner.client_rfm_score = (
                f"{row.rfm_recency}{row.rfm_frequency}{row.rfm_monetary}" if row and row.rfm_recency else False
            )

    def _compute_client_purchase_line_ids(self):
        # A filter, not a list to show: the lines are read where they belong, in accounting.
        self.client_purchase_line_ids = False

    def _search_client_purchase_line_ids(self, operator, value):
        """Clients with (any) or without (not any) a purchased line matching ``value``. The lines
        are searched as superuser, so that salespeople without accounting rights can filter their
        own clients by what they bought; the clients found still follow the partner rules."""
        if operator not in ("any", "not any"):
            raise UserError(self.env._("Filter purchased lines with 'any' or 'not any'."))
        domain = Domain.AND(
            [
                Domain("parent_state", "=", "posted"),
                Domain("move_id.move_type", "in", SALE_MOVE_TYPES),
                Domain("display_type", "=", "product"),
                Domain("company_id", "in", self.env.companies.ids),
                Domain(value),
            ]
        )
        lines = self.env["account.move.line"].sudo()._search(domain)
        partner_column = SQL.identifier(lines.table, "partner_id")
        return [("id", "in" if operator == "any" else "not in", lines.subselect(partner_column))]

    def _client_value_domain(self, column, operator, value):
        """Clients whose row of the current company matches; a client without any posted
        invoice has no row, and matches no condition on its figures."""
        return [("client_value_ids", "any", [("company_id", "=", self.env.company.id), (column, operator, value)])]

    def _search_client_revenue(self, operator, value):
        return self._client_value_domain("revenue_total", operator, value)

    def _search_client_revenue_12m(self, operator, value):
        return self._client_value_domain("revenue_12m", operator, value)

    def _search_client_invoice_count(self, operator, value):
        return self._client_value_domain("invoice_count", operator, value)

    def _search_client_first_purchase_date(self, operator, value):
        return self._client_value_domain("first_purchase_date", operator, value)

    def _search_client_last_purchase_date(self, operator, value):
        return self._client_value_domain("last_purchase_date", operator, value)

    def _search_client_average_invoice(self, operator, value):
        return self._client_value_domain("average_invoice", operator, value)

    def _search_client_frequency_class(self, operator, value):
        return self._client_value_domain("frequency_class", operator, value)

    def _search_client_rfm_segment(self, operator, value):
        return self._client_value_domain("rfm_segment", operator, value)

    @api.depends_context("company")
    def _compute_client_overdue(self):
        today = fields.Date.context_today(self)
        groups = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.commercial_partner_id.ids),
                    ("company_id", "=", self.env.company.id),
                    ("account_type", "=", "asset_receivable"),
                    ("parent_state", "=", "posted"),
                    ("reconciled", "=", False),
                    ("date_maturity", "<", today),
                ],
                ["partner_id"],
                ["amount_residual:sum"],
            )
        )
        overdue = {partner.id: amount for partner, amount in groups}
        for partner in self:
            partner.client_overdue = overdue.get(partner.commercial_partner_id.id, 0.0)
