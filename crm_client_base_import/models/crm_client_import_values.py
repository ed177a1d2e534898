# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The import's reading of one line: the card's values from the file's cells, brought to the
data standards, with the checks a write would run (the dry run's verdict on a line)."""

import datetime

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import plaintext2html

from odoo.addons.crm_client_base.tools import legal_forms, standards

from ..tools import columns, reader
from ..tools import values as values_io

# Words of a client type column, lower case, to the client type; a legal form written there
# (ИП, ООО...) tells it too (see _client_type).
CLIENT_TYPES = {
    "company": "company",
    "компания": "company",
    "юрлицо": "company",
    "юридическое лицо": "company",
    # 1C's "Юр. / физ. лицо" column.
    "юр. лицо": "company",
    "юр лицо": "company",
    "физ. лицо": "private_person",
    "физ лицо": "private_person",
    "организация": "company",
    "individual entrepreneur": "individual_entrepreneur",
    "private person": "private_person",
    "физлицо": "private_person",
    "физическое лицо": "private_person",
    "частное лицо": "private_person",
    "individual_entrepreneur": "individual_entrepreneur",
    "private_person": "private_person",
}
# Country names written in Russian address books and lists, whatever languages are loaded.
COUNTRY_ALIASES = {"россия": "RU", "рф": "RU", "российская федерация": "RU", "беларусь": "BY", "казахстан": "KZ"}
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%y", "%Y%m%d")

# Fields whose constraints the dry run runs.
CHECKED_FIELDS = {"vat", "kpp", "ogrn", "client_type", "country_id", "is_company", "birthday", "email", "phone"}


class CrmClientImport(models.Model):
    _inherit = "crm.client.import"

    def _line_values(self, raw):
        """(partner values, contact values or None, {"partner", "contact": {field: (as in the
        file, as stored)}}) of a line, brought to the data standards, with what the standards
        rewrote; raises ValidationError with the reason in words."""
        env = self.env
        for key, value in raw.items():
            if reader.is_formula(value):
                raise ValidationError(
                    env._(
                        "%(column)s holds a formula (%(value)s): only values are imported.",
                        column=self._column_label(key),
                        value=value[:40],
                    )
                )
        if not raw.get("name"):
            raise ValidationError(env._("No name."))
        values = {
            key: raw[key]
            for key in raw
            if key in columns.KEYS and not key.startswith("contact_") and key not in columns.LINE_KEYS
        }
        if "client_type" in values:
            kind = self._client_type(values["client_type"])
            if not kind:
                raise ValidationError(
                    env._(
                        "Client type %(value)s is unknown: company, individual entrepreneur or private person "
                        "(компания, ИП, физлицо).",
                        value=values["client_type"],
                    )
                )
            values["client_type"] = kind
        if values.get("vat"):
            values["vat"] = standards.normalize_inn(str(values["vat"]))
        values["is_company"] = self._is_company(values, raw)
        if not values.get("client_type"):
            forms = legal_forms.forms_of(values["name"])
            entrepreneur = standards.inn_kind(values.get("vat")) == "person" or (
                forms and forms <= legal_forms.ENTREPRENEUR_FORMS
            )
            values["client_type"] = (
                "individual_entrepreneur"
                if values["is_company"] and entrepreneur
                else ("company" if values["is_company"] else "private_person")
            )
        found = {key.removeprefix(reader.PROPERTY): raw[key] for key in raw if str(key).startswith(reader.PROPERTY)}
        if found:
            properties, notes = self._property_values(values["client_type"], found)
            if properties:
                values["client_properties"] = properties
            if notes:
                values["comment"] = "\n".join(filter(None, (str(values.get("comment") or ""), *notes)))
        if values.get("country_id"):
            values["country_id"] = self._country(values["country_id"])
        if values.get("birthday"):
            values["birthday"] = self._date(values["birthday"], "birthday")
        if values.get("comment"):
            values["comment"] = plaintext2html(str(values["comment"]))
        for fname in ("phone", "mobile", "zip", "kpp", "ogrn", "whatsapp"):
            if fname in values:
                values[fname] = str(values[fname])
        Partner = env["res.partner"]
        values, rewritten, _flagged = Partner.client_standardize(values)
        # The checks a write would run (INN checksum and length, KPP, OGRN, Odoo's VAT check,
        # birthday), on a record in memory.
        self._check_constraints(Partner.new(values), values)
        contact = None
        if raw.get("contact_name"):
            contact = {"name": raw["contact_name"], "type": "contact"}
            for key, fname in (
                ("contact_function", "function"),
                ("contact_phone", "phone"),
                ("contact_email", "email"),
            ):
                if raw.get(key):
                    contact[fname] = str(raw[key])
            if raw.get("contact_birthday"):
                contact["birthday"] = self._date(raw["contact_birthday"], "contact_birthday")
            if values.get("country_id"):
                contact["country_id"] = values["country_id"]
            contact, contact_rewritten, _flagged = Partner.client_standardize(contact)
        rewritten = {"partner": rewritten, "contact": contact_rewritten if contact else {}}
        return values_io.json_safe(values), values_io.json_safe(contact) if contact else None, rewritten

    @api.model
    def _check_constraints(self, record, values):
        """Run the checks a write of ``values`` would run on the fields that identify or
        describe the client (not all constraints: some expect a saved record), and Odoo's VAT
        check, which runs when a VAT is written."""
        record._validate_fields(set(values) & CHECKED_FIELDS)
        if values.get("vat"):
            record._check_vat()

    def _column_label(self, key):
        """The header of a column in the template of the user's language."""
        russian = (self.env.lang or "").startswith("ru")
        return next((r if russian else e for k, e, r, _o in columns.COLUMNS if k == key), key)

    @api.model
    def _client_type(self, value):
        """The client type a client type cell names, or None."""
        text = str(value).strip().lower()
        if text in CLIENT_TYPES:
            return CLIENT_TYPES[text]
        forms = legal_forms.forms_of(text)
        if not forms:
            return None
        return "individual_entrepreneur" if forms <= legal_forms.ENTREPRENEUR_FORMS else "company"

    @api.model
    def _is_company(self, values, raw):
        if values.get("client_type"):
            return values["client_type"] != "private_person"
        return bool(
            legal_forms.forms_of(values["name"])
            or len(values.get("vat") or "") == 10
            or values.get("kpp")
            or values.get("ogrn")
            or raw.get("contact_name")
        )

    @api.model
    def _country(self, value):
        cache = self.env.cr.cache.setdefault("crm_client_import_countries", {})
        if value not in cache:
            cache[value] = self._find_country(value)
        return cache[value]

    @api.model
    def _find_country(self, value):
        value = str(value).strip()
        Country = self.env["res.country"].with_context(active_test=False)
        code = COUNTRY_ALIASES.get(value.lower().replace("ё", "е")) or (value if len(value) == 2 else None)
        country = Country.search([("code", "=ilike", code)], limit=1) if code else Country
        if not country:
            for lang in {"en_US", self.env.lang or "en_US"}:
                country = Country.with_context(lang=lang).search([("name", "=ilike", value)], limit=1)
                if country:
                    break
        if not country:
            raise ValidationError(self.env._("Country %s is unknown.", value))
        return country.id

    @api.model
    def _date(self, value, key):
        if isinstance(value, datetime.date):
            return value
        for fmt in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(str(value).strip(), fmt).date()
            except ValueError:
                continue
        raise ValidationError(
            self.env._(
                "%(column)s %(value)s is not a date (31.12.1980 or 1980-12-31).",
                column=self._column_label(key),
                value=value,
            )
        )
