# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The contact form's work, apart from HTTP: its token, its spam checks, the visitor's values
checked by the card's standards, and the submission matched against the base."""

import time

from markupsafe import Markup, escape

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import consteq, hmac

from odoo.addons.crm_client_base.tools import standards

# What the form sends, and how long each may be.
FIELDS = {"name": 100, "company": 150, "inn": 20, "phone": 40, "email": 120, "message": 5000}
# A form shown longer ago than this is asked again (a page left open for days, a replayed post).
TOKEN_MAX_AGE = 24 * 3600
TOKEN_SCOPE = "crm_client_base_website.form"


class CrmClientWebsiteForm(models.AbstractModel):
    _name = "crm.client.website.form"
    _description = "Website contact form"

    # ---------------------------------------------------------------------------------------------
    # spam
    # ---------------------------------------------------------------------------------------------
    @api.model
    def _token(self, now=None):
        """A token of the moment the form is shown, signed with the database secret."""
        stamp = str(int(now if now is not None else time.time()))
        return f"{stamp}.{hmac(self.env(su=True), TOKEN_SCOPE, stamp)}"

    @api.model
    def _token_age(self, token, now=None):
        """Seconds since ``token`` was made, or None for a token not made here (or too old)."""
        stamp, _dot, signature = (token or "").partition(".")
        if not stamp.isdigit() or not consteq(signature, hmac(self.env(su=True), TOKEN_SCOPE, stamp)):
            return None
        age = (now if now is not None else time.time()) - int(stamp)
        return age if 0 <= age <= TOKEN_MAX_AGE else None

    @api.model
    def _spam_reason(self, post, website, address):
        """Why ``post`` is spam (a code of crm.client.website.spam), or None. A filled hidden
        field, a token the site did not give, a form sent faster than a person types, or too many
        forms from one address in an hour."""
        if post.get("fax_number"):
            return "honeypot"
        age = self._token_age(post.get("form_token"))
        if age is None:
            return "token"
        if age < (website.client_form_min_seconds or 0):
            return "fast"
        if not self.env["crm.client.website.attempt"]._allow(website, address):
            return "rate"
        return None

    # ---------------------------------------------------------------------------------------------
    # checks
    # ---------------------------------------------------------------------------------------------
    @api.model
    def _check(self, post, website):
        """(values, errors): the visitor's values, trimmed and brought to the card's standards,
        and {field: message} for each value to correct (a message the form shows by the field)."""
        values = {key: str(post.get(key) or "").strip()[:size] for key, size in FIELDS.items()}
        errors = {}
        if not values["name"]:
            errors["name"] = self.env._("Please give your name.")
        if not values["phone"] and not values["email"]:
            errors["phone"] = self.env._("Give a phone number or an email, so that we can answer you.")
        purpose = website.client_form_purpose_id
        if purpose and not post.get("consent"):
            errors["consent"] = self.env._("Your consent is needed to process your request.")
        if values["inn"]:
            inn = standards.normalize_inn(values["inn"])
            if standards.check_inn(inn):
                errors["inn"] = self.env._(
                    "%(value)s is not an INN: 10 digits for an organisation, 12 for an entrepreneur, "
                    "with its check digits.",
                    value=values["inn"],
                )
            values["inn"] = inn
        Partner = self.env["res.partner"].sudo().with_company(website.company_id)
        for key in ("phone", "email"):
            if values[key] and key not in errors:
                try:
                    checked, _changes, _flagged = Partner.client_standardize(
                        {key: values[key], "company_id": website.company_id.id}
                    )
                except ValidationError as error:
                    errors[key] = error.args[0]
                else:
                    values[key] = checked[key]
        return values, errors

    # ---------------------------------------------------------------------------------------------
    # submission
    # ---------------------------------------------------------------------------------------------
    @api.model
    def _submit(self, values, website, utm=None, page=None):
        """Take checked ``values`` into the base of the website's company: the matching client
        gets an interaction and an activity for its salesperson; otherwise a new client lands in
        the free pool (channel Website, the UTM campaign of ``utm``). The consent is recorded on
        the person. Returns ("existing" or "new", the client)."""
        company = website.company_id
        env = self.env(su=True, context=dict(self.env.context, allowed_company_ids=company.ids))
        Partner = env["res.partner"].with_company(company)
        firm = bool(values["company"])
        probe = {
            "name": values["company"] or values["name"],
            "is_company": firm,
            "client_type": self._client_type(values) if firm else "private_person",
            "vat": values["inn"] or False,
            "phone": values["phone"] or False,
            "email": values["email"] or False,
            "company_id": company.id,
        }
        found = env["crm.client.duplicate.finder"]._find_similar(probe, limit=1)
        threshold = env["crm.client.duplicate.finder"]._import_threshold()
        client = found[0]["partner"].commercial_partner_id if found and found[0]["score"] >= threshold else None
        kind = "existing" if client else "new"
        if not client:
            client = Partner.create({**probe, **self._origin_values(env, utm), "user_id": False})
        person = self._person(client, values) if firm else client
        self._record(env, client, person, values, kind)
        purpose = website.client_form_purpose_id
        if purpose:
            env["crm.client.consent"].create(
                {
                    "partner_id": person.id,
                    "purpose_id": purpose.id,
                    "source": "website",
                    "source_ref": page or website.name,
                }
            )
        return kind, client

    @api.model
    def _client_type(self, values):
        return "individual_entrepreneur" if standards.inn_kind(values["inn"]) == "person" else "company"

    @api.model
    def _origin_values(self, env, utm):
        """Channel Website, and the campaign and medium the visitor came with."""
        origin = {"source_id": env.ref("crm_client_base_website.utm_source_website").id}
        Mixin = env["utm.mixin"]
        for key, field, model in (("campaign", "campaign_id", "utm.campaign"), ("medium", "medium_id", "utm.medium")):
            name = ((utm or {}).get(key) or "").strip()[:100]
            if name:
                origin[field] = Mixin._find_or_create_record(model, name).id
        return origin

    @api.model
    def _person(self, client, values):
        """The firm's contact who wrote: one of its contacts with the same email, phone or name,
        or a new contact."""
        email, phone = standards.first_email(values["email"]), standards.phone_digits(values["phone"])
        for contact in client.child_ids.filtered(lambda child: child.type == "contact"):
            if (
                (email and contact.email_normalized == email)
                or (phone and standards.phone_digits(contact.phone) == phone)
                or contact.name.casefold() == values["name"].casefold()
            ):
                return contact
        return client.env["res.partner"].create(
            {
                "parent_id": client.id,
                "type": "contact",
                "name": values["name"],
                "phone": values["phone"] or False,
                "email": values["email"] or False,
            }
        )

    @api.model
    def _record(self, env, client, person, values, kind):
        """The request as an inbound interaction, and an activity to answer it: for the client's
        salesperson, or held for the free pool (it passes to whoever takes the client)."""
        lines = [
            (env._("Name"), values["name"]),
            (env._("Company"), values["company"]),
            (env._("INN"), values["inn"]),
            (env._("Phone"), values["phone"]),
            (env._("Email"), values["email"]),
        ]
        note = Markup("<p>%s</p>") % escape(values["message"]) if values["message"] else Markup()
        note += Markup("<ul>%s</ul>") % Markup().join(
            Markup("<li>%s: %s</li>") % (label, value) for label, value in lines if value
        )
        summary = env._("Website form: %(text)s", text=(values["message"] or values["name"])[:80])
        holder = client.user_id or client._client_pool_activity_users()[:1]
        env["crm.client.interaction"].create(
            {
                "partner_id": client.id,
                "contact_id": person.id if person != client else False,
                "company_id": client.company_id.id or env.company.id,
                "interaction_type": "message",
                "direction": "inbound",
                "summary": summary,
                "note": note,
                "user_id": holder.id,
            }
        )
        client.activity_schedule(
            "mail.mail_activity_data_todo",
            summary=env._("Answer the website request"),
            note=note,
            user_id=holder.id,
        )
