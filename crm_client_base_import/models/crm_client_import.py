# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import base64
import datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import plaintext2html

from odoo.addons.crm_client_base.tools import legal_forms, standards
from odoo.addons.crm_client_base.tools.cron import cron_progress
from odoo.addons.crm_client_base_dedup.tools import keys, matching

from ..tools import columns, reader

# Words of a client type column, lower case, to the client type; a legal form written there
# (ИП, ООО...) tells it too (see _client_type).
CLIENT_TYPES = {
    "company": "company",
    "компания": "company",
    "юрлицо": "company",
    "юридическое лицо": "company",
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
# Fields an update may fill on an existing client (its own empty ones, unless overwriting).
UPDATABLE = (
    "phone",
    "mobile",
    "email",
    "website",
    "street",
    "city",
    "zip",
    "country_id",
    "vat",
    "kpp",
    "ogrn",
    "telegram",
    "whatsapp",
    "birthday",
)
BATCH = 500
# Fields whose constraints the dry run runs.
CHECKED_FIELDS = {"vat", "kpp", "ogrn", "client_type", "country_id", "is_company", "birthday", "email", "phone"}
# Up to this many lines to write, the import runs at once; more go to the background.
INLINE_LINES = 2000


class CrmClientImport(models.Model):
    """A client list brought in: the file, what each of its lines does (the dry run), then the
    import of the lines the user confirmed. Kept as a record of who imported what."""

    _name = "crm.client.import"
    _inherit = ["crm.client.visibility.mixin"]
    # The import is its author's; the clients it created are read through their own rules.
    _client_visibility_fields = ()
    _client_visibility_exempt = {"partner_ids": "the clients it created, each read by its own rules"}
    _description = "Client import"
    _order = "id desc"

    name = fields.Char(compute="_compute_name", store=True)
    file = fields.Binary(required=True, attachment=True)
    file_name = fields.Char()
    state = fields.Selection(
        [
            ("draft", "Upload"),
            ("checked", "Checked"),
            ("running", "Importing"),
            ("done", "Done"),
            ("failed", "Stopped"),
        ],
        default="draft",
        required=True,
        readonly=True,
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Imported by", default=lambda self: self.env.user, readonly=True)
    overwrite = fields.Boolean(
        "Overwrite existing values",
        help="A line matching a client already in the base fills that client's empty fields only; "
        "tick to replace its values too.",
    )
    assign_mode = fields.Selection(
        [("pool", "Free pool"), ("me", "Me"), ("spread", "Spread over salespeople")],
        string="New clients go to",
        default="pool",
        required=True,
    )
    user_ids = fields.Many2many(
        "res.users",
        string="Salespeople",
        domain=lambda self: self.env["crm.client.assign.wizard"]._salesperson_domain(),
    )
    line_ids = fields.One2many("crm.client.import.line", "import_id", string="Lines")
    summary = fields.Char(readonly=True)
    file_notes = fields.Text("About the file", readonly=True)
    error = fields.Text(readonly=True)
    create_count = fields.Integer("New clients", compute="_compute_counts")
    update_count = fields.Integer("Updates", compute="_compute_counts")
    refuse_count = fields.Integer("Refused lines", compute="_compute_counts")
    done_count = fields.Integer("Lines imported", compute="_compute_counts")
    pending_count = fields.Integer("Lines to import", compute="_compute_counts")
    partner_ids = fields.Many2many("res.partner", string="Imported clients", readonly=True)

    @api.depends("file_name", "create_date")
    def _compute_name(self):
        for record in self:
            record.name = record.file_name or self.env._("Client import")

    @api.depends("line_ids.action", "line_ids.done")
    def _compute_counts(self):
        rows = self.env["crm.client.import.line"]._read_group(
            [("import_id", "in", self.ids)], ["import_id", "action", "done"], ["__count"]
        )
        counts = {}
        for record, action, done, count in rows:
            counts.setdefault(record.id, {}).setdefault((action, done), count)
        for record in self:
            mine = counts.get(record.id, {})

            def total(action, mine=mine):
                return mine.get((action, True), 0) + mine.get((action, False), 0)

            record.create_count = total("create")
            record.update_count = total("update")
            record.refuse_count = total("refuse")
            record.done_count = mine.get(("create", True), 0) + mine.get(("update", True), 0)
            record.pending_count = mine.get(("create", False), 0) + mine.get(("update", False), 0)

    # -- reading -------------------------------------------------------------------------------

    def _read(self):
        self.ensure_one()
        try:
            return reader.read(self.file_name, base64.b64decode(self.file or b""))
        except reader.ReadError as exc:
            raise UserError(self._read_error_message(exc)) from exc

    def _read_error_message(self, exc):
        params = exc.params
        messages = {
            "too_big": lambda: self.env._(
                "The file is %(size)s MB: the import takes files up to %(limit)s MB. Split it, or "
                "save it as CSV, which is several times smaller.",
                size=round(params["size"] / 1048576, 1),
                limit=params["limit"] // 1048576,
            ),
            "too_many": lambda: self.env._(
                "The file has more than %(limit)s lines: split it into several files.", limit=params["limit"]
            ),
            "encoding": lambda: self.env._(
                "The file is neither UTF-8 nor Windows-1251 text: save it again as CSV UTF-8, or as XLSX."
            ),
            "format": lambda: self.env._(
                "%(extension)s files are not read here: save the file as XLSX or CSV.",
                extension=params["extension"].upper(),
            ),
            "header": lambda: self.env._(
                "No header line found: one of the first lines must name the columns, e.g. Name, "
                "INN, Phone, Email (or Наименование, ИНН, Телефон, Эл. почта). Download the "
                "template to see them all."
            ),
            "csv": lambda: self.env._("The CSV file cannot be read: %(reason)s.", reason=params["reason"]),
            "xlsx": lambda: self.env._("The spreadsheet cannot be read (%(reason)s).", reason=params["reason"]),
            "vcard": lambda: self.env._("The vCard file cannot be read (%(reason)s).", reason=params["reason"]),
        }
        return messages[exc.code]()

    # -- the dry run ---------------------------------------------------------------------------

    def action_preview(self):
        """Read the file and say per line what the import would do; nothing is written but
        the lines of this wizard."""
        self.ensure_one()
        table = self._read()
        if self.state != "draft":
            raise UserError(self.env._("This file has been checked already."))
        lines = self._plan(table.lines)
        self.env["crm.client.import.line"].create([{**line, "import_id": self.id} for line in lines])
        notes = []
        if table.unknown:
            notes.append(self.env._("Columns not imported: %s.", ", ".join(table.unknown)))
        if table.encoding and table.encoding != "utf-8":
            notes.append(self.env._("Read as %s text.", table.encoding))
        self.write({"state": "checked", "file_notes": "\n".join(notes) or False})
        return True

    def _plan(self, table_lines):
        """Line values ({line_number, name, action, partner_id, score, message, values}) for
        crm.client.import.line: what importing ``table_lines`` would do."""
        Partner = self.env["res.partner"]
        planned = []
        for number, raw in table_lines:
            try:
                values, contact, rewritten = self._line_values(raw)
            except ValidationError as exc:
                planned.append(
                    {
                        "line_number": number,
                        "name": str(raw.get("name") or ""),
                        "action": "refuse",
                        "message_text": exc.args[0],
                    }
                )
                continue
            planned.append(
                {
                    "line_number": number,
                    "name": values["name"],
                    "action": "create",
                    "values": {"partner": values, "contact": contact, "rewritten": rewritten},
                }
            )
        valid = [line for line in planned if line["action"] == "create"]
        self._refuse_repeated(valid)
        valid = [line for line in valid if line["action"] == "create"]
        threshold = self.env["crm.client.duplicate.finder"]._import_threshold()
        matches = self.env["crm.client.duplicate.finder"]._match_values([line["values"]["partner"] for line in valid])
        # A match the user may not read is named by its holder only, never by its own data.
        hidden = Partner._client_hidden_ids([match["partner_id"] for match in matches if match])
        existing = Partner.browse(
            {match["partner_id"] for match in matches if match and match["score"] >= threshold} - hidden
        )
        existing.fetch(UPDATABLE)
        for line, match in zip(valid, matches, strict=True):
            if not match:
                continue
            partner = Partner.browse(match["partner_id"])
            if partner.id in hidden:
                holder = Partner._client_holder_name(partner.id)
                args = {"holder": holder, "score": match["score"], "shared": match["reason_codes"]}
                if match["score"] < threshold:
                    line["message_data"] = {"code": "looks_like_hidden", "args": args}
                else:
                    line.update(action="refuse", values=False, message_data={"code": "hidden", "args": args})
                continue
            found = {"client": partner.display_name, "score": match["score"], "reasons": match["reason_pairs"]}
            if match["score"] < threshold:
                line["message_data"] = {"code": "looks_like", "args": found}
                continue
            try:
                partner.check_access("write")
            except AccessError:
                line.update(
                    action="refuse",
                    values=False,
                    message_data={
                        "code": "held",
                        "args": {"client": partner.sudo().display_name, "owner": partner.sudo().user_id.name},
                    },
                )
                continue
            changes = self._changes(partner, line["values"]["partner"])
            try:
                self._check_constraints(partner.new(_from_json(changes), origin=partner), changes)
            except ValidationError as exc:
                line.update(action="refuse", values=False, partner_id=partner.id, message_text=exc.args[0])
                continue
            contact = line["values"]["contact"]
            if contact and keys.name_key(contact["name"]) in {
                keys.name_key(name) for name in partner.child_ids.mapped("name") if name
            }:
                # The client has this contact already: not a second time.
                line["values"]["contact"] = None
            line.update(partner_id=partner.id, score=match["score"])
            if not changes and not line["values"]["contact"]:
                line.update(action="unchanged", message_data={"code": "unchanged", "args": found})
            else:
                line["values"]["partner"] = changes
                line.update(
                    action="update",
                    message_data={"code": "updates", "args": {**found, "fields": list(changes)}},
                )
        return planned

    @api.model
    def _word_message(self, data):
        """A line's outcome (``message_data``: {"code", "args"}) in the reader's language."""
        args = data.get("args") or {}
        Finder = self.env["crm.client.duplicate.finder"]
        code = data["code"]
        if code in ("looks_like_hidden", "hidden"):
            shared = Finder._reason_kinds(args.get("shared") or [])
            if code == "looks_like_hidden":
                return self.env._(
                    "New client; looks like a client held by %(holder)s (%(score)s: %(shared)s)",
                    holder=args.get("holder"),
                    score=args.get("score"),
                    shared=shared,
                )
            return self.env._(
                "Already in the base (%(shared)s), held by %(holder)s: only they or a manager can update it.",
                shared=shared,
                holder=args.get("holder"),
            )
        if code == "held":
            return self.env._(
                "Already in the base as %(client)s, held by %(owner)s: only they or a manager can update it.",
                client=args.get("client"),
                owner=args.get("owner") or self.env._("another salesperson"),
            )
        if code == "repeated":
            return self.env._("Duplicate of line %s", args.get("line"))
        reasons = Finder._reason_text(args.get("reasons") or [])
        if code == "looks_like":
            return self.env._(
                "New client; looks like %(client)s (%(score)s: %(reasons)s)",
                client=args.get("client"),
                score=args.get("score"),
                reasons=reasons,
            )
        if code == "unchanged":
            return self.env._("Already in the base: %s", reasons)
        if code == "updates":
            Partner = self.env["res.partner"]
            labels = [
                Partner._fields[f].get_description(self.env)["string"]
                for f in args.get("fields") or []
                if f in Partner._fields
            ]
            return self.env._(
                "Updates %(client)s (%(reasons)s): %(fields)s",
                client=args.get("client"),
                reasons=reasons,
                fields=", ".join(labels) or self.env._("adds the contact"),
            )
        return ""

    def _refuse_repeated(self, lines):
        """A line describing the same client as an earlier line of the file is refused."""
        profiles = [matching.profile_from_values(index, line["values"]["partner"]) for index, line in enumerate(lines)]
        threshold = self.env["crm.client.duplicate.finder"]._import_threshold()
        for first, second in sorted(matching.candidate_pairs(profiles)):
            if lines[second]["action"] != "create" or lines[first]["action"] != "create":
                continue
            score, _reasons = matching.score_pair(profiles[first], profiles[second])
            if score >= threshold:
                lines[second].update(
                    action="refuse",
                    message_data={"code": "repeated", "args": {"line": lines[first]["line_number"]}},
                    values=False,
                )

    def _changes(self, partner, values):
        """The values an update writes on ``partner``: its empty fields, or all with overwrite."""
        changes = {}
        for fname in UPDATABLE:
            new = values.get(fname)
            if not new:
                continue
            current = partner[fname]
            current = current.id if isinstance(current, models.BaseModel) else current
            if current == _from_json({fname: new})[fname] or (current and not self.overwrite):
                continue
            changes[fname] = new
        return changes

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
        values = {key: raw[key] for key in raw if key in columns.KEYS and not key.startswith("contact_")}
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
            entrepreneur = len(values.get("vat") or "") == 12 or (forms and forms <= legal_forms.ENTREPRENEUR_FORMS)
            values["client_type"] = (
                "individual_entrepreneur"
                if values["is_company"] and entrepreneur
                else ("company" if values["is_company"] else "private_person")
            )
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
        return _json_safe(values), _json_safe(contact) if contact else None, rewritten

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

    # -- the import ----------------------------------------------------------------------------

    def action_import(self):
        """Import the lines to create and update. Up to INLINE_LINES lines, at once and all or
        nothing; more, in the background, each batch of BATCH lines all or nothing."""
        self.ensure_one()
        if self.state != "checked":
            raise UserError(self.env._("Check the file first."))
        if self.assign_mode == "spread" and not self.user_ids:
            raise UserError(self.env._("Choose the salespeople to spread the new clients over."))
        if self.pending_count <= INLINE_LINES or self.env.context.get("crm_client_import_inline"):
            # At once means all or nothing: on a failing line everything is rolled back.
            with self.env.cr.savepoint():
                self.state = "running"
                self._run()
                if self.state == "failed":
                    raise UserError(self.env._("Nothing was imported. %s", self.error))
        else:
            self.state = "running"
            self.env.ref("crm_client_base_import.ir_cron_client_import")._trigger()
        return True

    def action_resume(self):
        """Go on with a stopped import, from its first line not imported."""
        self.filtered(lambda record: record.state == "failed").write({"state": "running", "error": False})
        self.env.ref("crm_client_base_import.ir_cron_client_import")._trigger()

    @api.model
    def _cron_run(self):
        """Imports waiting in the background, each as the user who confirmed it."""
        for record in self.search([("state", "=", "running")], order="id"):
            record = record.with_user(record.user_id).with_company(record.company_id)
            record = record.with_context(allowed_company_ids=record.user_id.company_ids.ids)
            if not record._run():
                return

    def _run(self):
        """Import the pending lines a batch at a time (committed after each batch when run as a
        scheduled action). Returns False when the scheduled action ran out of time."""
        self.ensure_one()
        Line = self.env["crm.client.import.line"]
        pending = Line.search(
            [("import_id", "=", self.id), ("done", "=", False), ("action", "in", ("create", "update"))],
            order="line_number",
        )
        for start in range(0, len(pending), BATCH):
            batch = pending[start : start + BATCH]
            try:
                with self.env.cr.savepoint():
                    partners = self._import_batch(batch)
            except UserError as exc:
                # The batch is rolled back whole; the batches before it stay imported.
                self.write({"state": "failed", "error": exc.args[0]})
                cron_progress(self.env, 0)
                return True
            batch.done = True
            self.partner_ids = [fields.Command.link(pid) for pid in partners.ids]
            if not cron_progress(self.env, len(batch), remaining=len(pending) - start - len(batch)):
                return False
        self.write(
            {
                "state": "done",
                "summary": self.env._(
                    "%(created)s clients created, %(updated)s updated, %(refused)s lines refused.",
                    created=self.create_count,
                    updated=self.update_count,
                    refused=self.refuse_count,
                ),
            }
        )
        cron_progress(self.env, 0)
        return True

    def _import_batch(self, lines):
        """Write one batch of lines; raise a UserError naming the first line that fails."""
        created = self._import_creations(lines.filtered(lambda line: line.action == "create"))
        updated = self._import_updates(lines.filtered(lambda line: line.action == "update"))
        self._assign(created)
        return created | updated

    def _import_creations(self, lines):
        Partner = self.env["res.partner"]
        if not lines:
            return Partner
        partners = self._guarded(
            lines,
            lambda b: Partner.with_context(client_standard_changes=[_rewritten(line, "partner") for line in b]).create(
                [_from_json(line.values["partner"]) for line in b]
            ),
        )
        with_contact = lines.filtered(lambda line: line.values.get("contact"))
        contacts = [
            {**_from_json(line.values["contact"]), "parent_id": partner.id}
            for line, partner in zip(lines, partners, strict=True)
            if line.values.get("contact")
        ]
        if contacts:
            rewritten = [_rewritten(line, "contact") for line in with_contact]
            creator = Partner.with_context(client_standard_changes=rewritten)
            self._guarded(with_contact, lambda _b: creator.create(contacts))
        return partners

    def _import_updates(self, lines):
        for line in lines:
            self._guarded(line, self._update_line)
        return lines.partner_id

    def _update_line(self, line):
        partner = line.partner_id
        if line.values["partner"]:
            partner.write(_from_json(line.values["partner"]))
            # The values came rewritten by the dry run: say what the file had, as the form does.
            rewritten = {f: pair for f, pair in _rewritten(line, "partner").items() if f in line.values["partner"]}
            if rewritten:
                partner._client_log_changes({partner.id: rewritten})
        if line.values.get("contact"):
            self.env["res.partner"].with_context(client_standard_changes=[_rewritten(line, "contact")]).create(
                {**_from_json(line.values["contact"]), "parent_id": partner.id}
            )

    def _guarded(self, lines, action):
        """Run ``action(lines)``; on an error, find the failing line (one by one, each in a
        savepoint) and raise a UserError naming it: the caller's savepoint drops the batch."""
        try:
            with self.env.cr.savepoint():
                return action(lines)
        except (UserError, ValidationError) as exc:
            failing, error = lines[:1], exc
            if len(lines) > 1:
                for line in lines:
                    try:
                        with self.env.cr.savepoint():
                            action(line)
                    except (UserError, ValidationError) as line_exc:
                        failing, error = line, line_exc
                        break
            raise UserError(
                self.env._(
                    "Line %(line)s (%(name)s) could not be imported: %(reason)s",
                    line=failing.line_number,
                    name=failing.name,
                    reason=error.args[0],
                )
            ) from exc

    def _assign(self, partners):
        if not partners:
            return
        if self.assign_mode == "me":
            partners.write({"user_id": self.user_id.id})
        elif self.assign_mode == "spread":
            self.env["crm.client.assign.wizard"].create(
                {
                    "partner_ids": [fields.Command.set(partners.ids)],
                    "user_ids": [fields.Command.set(self.user_ids.ids)],
                    "balance": True,
                }
            ).action_assign()
        else:
            partners.filtered("user_id").write({"user_id": False})

    # -- navigation ----------------------------------------------------------------------------

    def action_back(self):
        """Back to the upload: forget the dry run (nothing was imported yet)."""
        self.filtered(lambda record: record.state == "checked").line_ids.unlink()
        self.filtered(lambda record: record.state == "checked").state = "draft"

    def action_open_clients(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "name": self.env._("Imported clients"),
            "view_mode": "list,form",
            "domain": [("id", "in", self.partner_ids.ids)],
        }


def _json_safe(values):
    return {key: value.isoformat() if isinstance(value, datetime.date) else value for key, value in values.items()}


def _rewritten(line, key):
    """What the data standards rewrote in a line's ``key`` ("partner" or "contact") values:
    {field: (as in the file, as stored)}; none for lines planned before this was kept."""
    return {fname: tuple(pair) for fname, pair in ((line.values.get("rewritten") or {}).get(key) or {}).items()}


def _from_json(values):
    values = dict(values)
    for fname in ("birthday",):
        if values.get(fname):
            values[fname] = fields.Date.to_date(values[fname])
    return values
