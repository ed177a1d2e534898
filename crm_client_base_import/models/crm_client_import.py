# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.crm_client_base.tools.properties import empty_value
from odoo.addons.crm_client_base_dedup.tools import blocking, keys, matching

from ..tools import formats
from ..tools import values as values_io

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
# A line's own, never taken from a later line of the same client.
FIRST_LINE_ONLY = frozenset({"name", "is_company", "client_type"})


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
    # Required in the form while uploading; another source (mailing contacts) may stand for it.
    file = fields.Binary(attachment=True)
    file_name = fields.Char()
    state = fields.Selection(
        [
            ("draft", "Upload"),
            ("columns", "Columns"),
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
        if self.state not in ("draft", "columns"):
            raise UserError(self.env._("This file has been checked already."))
        table = self._read()
        if self._ask_columns(table):
            return True
        self._save_mapping(table)
        lines = self._plan(table.lines)
        self.env["crm.client.import.line"].create([{**line, "import_id": self.id} for line in lines])
        notes = []
        if table.format:
            label = formats.FORMATS[table.format][0]
            notes.append(self.env._("Read as an export of %s: its columns taken as that system writes them.", label))
        if self.mapping_id:
            notes.append(self.env._("Columns mapped as in %s.", self.mapping_id.name))
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
                consent = self._consent_date(raw.get("consent"))
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
                    "values": {"partner": values, "contact": contact, "rewritten": rewritten, "consent": consent},
                }
            )
        read = [line for line in planned if line["action"] == "create"]
        self._refuse_repeated(read)
        valid = [line for line in read if line["action"] == "create"]
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
                self._check_constraints(partner.new(values_io.from_json(changes), origin=partner), changes)
            except ValidationError as exc:
                line.update(action="refuse", values=False, partner_id=partner.id, message_text=exc.args[0])
                continue
            # The contacts the client has already: not a second time.
            known = {keys.name_key(name) for name in partner.child_ids.mapped("name") if name}
            contact = line["values"]["contact"]
            if contact and keys.name_key(contact["name"]) in known:
                line["values"]["contact"] = None
            if line["values"].get("contacts"):
                line["values"]["contacts"] = [
                    item for item in line["values"]["contacts"] if keys.name_key(item["contact"]["name"]) not in known
                ]
            line.update(partner_id=partner.id, score=match["score"])
            if not changes and not line["values"]["contact"] and not line["values"].get("contacts"):
                line.update(action="unchanged", message_data={"code": "unchanged", "args": found})
            else:
                line["values"]["partner"] = changes
                line.update(
                    action="update",
                    message_data={"code": "updates", "args": {**found, "fields": list(changes)}},
                )
        self._follow_first_lines(read)
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
        if code == "contact_of":
            line, taken = args.get("line"), self._field_labels(args.get("fields"))
            if not args.get("contact"):
                return self.env._("The same client as line %(line)s: %(fields)s taken into it", line=line, fields=taken)
            if taken:
                return self.env._(
                    "The same client as line %(line)s: its contact is added to that client, "
                    "and %(fields)s taken into it",
                    line=line,
                    fields=taken,
                )
            return self.env._("The same client as line %s: its contact is added to that client", line)
        if code == "first_refused":
            return self.env._("The same client as line %s, which is refused: not imported either", args.get("line"))
        if code == "contact_known":
            return self.env._("The same client as line %s: its contact is there already", args.get("line"))
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
            return self.env._(
                "Updates %(client)s (%(reasons)s): %(fields)s",
                client=args.get("client"),
                reasons=reasons,
                fields=self._field_labels(args.get("fields")) or self.env._("adds the contact"),
            )
        return ""

    @api.model
    def _field_labels(self, fnames):
        """The card's labels of ``fnames``, in the reader's language, joined."""
        Partner = self.env["res.partner"]
        return ", ".join(
            Partner._fields[f].get_description(self.env)["string"] for f in fnames or () if f in Partner._fields
        )

    def _refuse_repeated(self, lines):
        """A line describing the same client as an earlier line of the file joins that line:
        the values the earlier line lacks are taken into it, and its contact is added to that
        client (an address book gives each person at a company a line of its own, the company
        repeated). A line bringing nothing new is refused as a repetition. A joined line
        remembers its first line (``_first``) to follow its outcome (``_follow_first_lines``)."""
        profiles = [matching.profile_from_values(index, line["values"]["partner"]) for index, line in enumerate(lines)]
        threshold = self.env["crm.client.duplicate.finder"]._import_threshold()
        for first, second in sorted(blocking.candidate_pairs(profiles)):
            if lines[second]["action"] != "create" or lines[first]["action"] != "create":
                continue
            score, _reasons = matching.score_pair(profiles[first], profiles[second])
            if score < threshold:
                continue
            args = {"line": lines[first]["line_number"]}
            repeated = lines[second]["values"]
            taken = self._fold_values(lines[first]["values"], repeated)
            if repeated["contact"]:
                lines[first]["values"].setdefault("contacts", []).append(
                    {"contact": repeated["contact"], "rewritten": (repeated.get("rewritten") or {}).get("contact")}
                )
                args["contact"] = keys.name_key(repeated["contact"]["name"])
            if repeated["contact"] or taken:
                args["fields"] = taken
                lines[second].update(
                    action="joined", message_data={"code": "contact_of", "args": args}, values=False, _first=first
                )
            else:
                lines[second].update(action="refuse", message_data={"code": "repeated", "args": args}, values=False)

    @api.model
    def _fold_values(self, first, later):
        """Take into the line values ``first`` the client's values only ``later`` has (a website
        or an address on the second line of a company): never its name or kind. Returns the
        fields taken."""
        taken = []
        for fname, value in later["partner"].items():
            if value in (None, False, "") or first["partner"].get(fname) or fname in FIRST_LINE_ONLY:
                continue
            first["partner"][fname] = value
            pair = ((later.get("rewritten") or {}).get("partner") or {}).get(fname)
            if pair:
                first.setdefault("rewritten", {}).setdefault("partner", {})[fname] = pair
            taken.append(fname)
        return taken

    @api.model
    def _follow_first_lines(self, lines):
        """A joined line's outcome is its first line's: refused with it, and its contact
        known already when the client has it (the first line dropped it)."""
        for line in lines:
            first = line.pop("_first", None)
            if first is None:
                continue
            first = lines[first]
            args = line["message_data"]["args"]
            if first["action"] == "refuse":
                line.update(action="refuse", message_data={"code": "first_refused", "args": args})
                continue
            contact = args.get("contact")
            kept = {keys.name_key(item["contact"]["name"]) for item in (first["values"] or {}).get("contacts") or ()}
            if contact and contact not in kept:
                if args.get("fields"):
                    del args["contact"]
                else:
                    line.update(action="unchanged", message_data={"code": "contact_known", "args": args})

    def _changes(self, partner, values):
        """The values an update writes on ``partner``: its empty fields, or all with overwrite."""
        changes = {}
        if values.get("client_properties"):
            current = partner._client_property_values()
            taken = {
                name: value
                for name, value in values["client_properties"].items()
                if name in current and current[name] != value and (self.overwrite or empty_value(current[name]))
            }
            if taken:
                changes["client_properties"] = {**current, **taken}
        for fname in UPDATABLE:
            new = values.get(fname)
            if not new:
                continue
            current = partner[fname]
            current = current.id if isinstance(current, models.BaseModel) else current
            if current == values_io.from_json({fname: new})[fname] or (current and not self.overwrite):
                continue
            changes[fname] = new
        return changes

    # -- navigation ----------------------------------------------------------------------------

    def action_back(self):
        """Back to the upload: forget the dry run and the columns' mapping (nothing was imported yet)."""
        back = self.filtered(lambda record: record.state in ("columns", "checked"))
        back.line_ids.unlink()
        back.column_ids.unlink()
        back.write({"state": "draft", "mapping_id": False, "has_open_columns": False})

    def action_open_clients(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "name": self.env._("Imported clients"),
            "view_mode": "list,form",
            "domain": [("id", "in", self.partner_ids.ids)],
        }
