# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The client card: Odoo's partner fields tracked, and the client's own fields (type, stage,
channels, call window, key people, relationship, "explicitly absent" markers)."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import standards
from .crm_client_card import CLIENT_TYPES


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
        selection=CLIENT_TYPES,
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

    @api.depends("is_company")
    def _compute_client_type(self):
        # Company and private person follow Odoo's company flag (a card switched to "Person" on
        # the form is a private person's); an entrepreneur is either, and stays.
        for partner in self:
            if partner.is_company and partner.client_type in (False, "private_person"):
                partner.client_type = "company"
            elif not partner.is_company and partner.client_type in (False, "company"):
                partner.client_type = "private_person"

    @api.depends("birthday")
    def _compute_birthday_month(self):
        for partner in self:
            partner.birthday_month = partner.birthday.month if partner.birthday else 0

    @api.model
    def _client_domain(self, company=None):
        """The clients: partners that are nobody's contact or address, and not the own partner
        of a user or a company (Odoo's ``partner_share``); with ``company``, those of that
        company and those shared by every company."""
        domain = [("parent_id", "=", False), ("partner_share", "=", True)]
        if company:
            domain.append(("company_id", "in", (company.id, False)))
        return domain

    @api.model
    def _default_client_stage(self):
        return self.env["crm.client.stage"].search([("active", "=", True)], limit=1)

    @api.model
    def _read_group_expand_client_stage(self, stages, domain):
        return stages.search([("active", "=", True)])

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
        return super().create(vals_list)

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
