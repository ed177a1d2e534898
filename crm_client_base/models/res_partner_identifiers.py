# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Russian identifiers: INN (python-stdnum, with messages that say what is wrong), KPP and
OGRN/OGRNIP, checked against the client type."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import standards


class ResPartner(models.Model):
    _inherit = "res.partner"

    kpp = fields.Char(
        string="KPP", size=9, tracking=True, help="Tax registration reason code: a branch has its own KPP."
    )
    ogrn = fields.Char(
        string="OGRN / OGRNIP",
        size=15,
        tracking=True,
        help="Primary state registration number: 13 digits for organisations, 15 for entrepreneurs.",
    )

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
