# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The duplicate finder: which partners may be the same client as given values (a card being
typed, an import's lines) or as each other (scans), from the blocking keys stored on the
partners and the pair scoring of tools/matching.py. It stores nothing: the review queue
(crm.client.duplicate) keeps the groups it finds."""

from odoo import api, models, tools
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL

from ..tools import keys, matching
from .res_partner import DEDUP_COLUMNS, PROFILE_COLUMNS

# True where pg_trgm sees Cyrillic letters as letters (not under LC_CTYPE=C).
TRIGRAM_PROBE = "SELECT show_trgm('Ромашка') != '{}'"


# The partners one key of a card brings at most (a switchboard of hundreds says nothing more).
KEY_MATCHES = 1000


class CrmClientDuplicateFinder(models.AbstractModel):
    _name = "crm.client.duplicate.finder"
    _description = "Client duplicate finder"

    @api.model
    @tools.ormcache()
    def _trigram_status(self):
        """'ok', 'missing' (no pg_trgm) or the LC_CTYPE that blinds pg_trgm to Cyrillic; cached:
        neither changes while the server runs."""
        if not self.env.execute_query(SQL("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")):
            return "missing"
        if not self.env.execute_query(SQL(TRIGRAM_PROBE))[0][0]:
            query = SQL("SELECT datctype FROM pg_database WHERE datname = current_database()")
            return self.env.execute_query(query)[0][0]
        return "ok"

    @api.model
    def _check_trigram_locale(self):
        """Refuse to work without pg_trgm, or when pg_trgm cannot see Cyrillic letters (a
        database created with LC_CTYPE=C): fuzzy name lookups would silently find nothing."""
        status = self._trigram_status()
        if status == "ok":
            return
        if status == "missing":
            raise UserError(
                self.env._(
                    "Duplicate detection needs PostgreSQL's pg_trgm extension. Ask your database "
                    "administrator to run CREATE EXTENSION pg_trgm in this database."
                )
            )
        raise UserError(
            self.env._(
                "Duplicate detection cannot run on this database: its character classification "
                "(LC_CTYPE=%(ctype)s) makes PostgreSQL's trigram search blind to Cyrillic letters. "
                "Recreate the database with a UTF-8 locale such as C.UTF-8 or ru_RU.UTF-8.",
                ctype=status,
            )
        )

    @api.model
    def _without_jit(self, **settings):
        """No JIT compilation for the rest of the transaction (and the other ``settings``, in
        the same query): the lookups are many small index scans whose estimated cost is high,
        and PostgreSQL compiled them for seconds (5 s for 1,000 cards' keys at a million
        partners) to run them in milliseconds."""
        settings = {"jit": "off", **settings}
        self.env.execute_query(
            SQL(
                "SELECT %s",
                SQL(", ").join(SQL("set_config(%s, %s, true)", name, str(value)) for name, value in settings.items()),
            )
        )

    @api.model
    def _profiles(self, where):
        Partner = self.env["res.partner"]
        profiles = []
        for row in Partner._dedup_profile_rows(where):
            profiles.append(matching.profile_from_row(dict(zip(PROFILE_COLUMNS, row, strict=True))))
        return profiles

    @api.model
    def _with_ref_key(self, values):
        """``values`` with the key of their identifying property (``dedup_ref_key``), where the
        card of their client type has one and ``client_properties`` ({name: value}) gives it."""
        if "dedup_ref_key" in values:
            return values
        name = self.env["crm.client.card"]._dedup_properties().get(values.get("client_type"))
        found = values.get("client_properties")
        if not name or not isinstance(found, dict) or not found.get(name):
            return values
        return {**values, "dedup_ref_key": keys.ref_key(name, found[name])}

    @api.model
    def _dismissed_pairs(self, partner_ids=None):
        domain = Domain.TRUE
        if partner_ids is not None:
            domain = Domain("partner_a_id", "in", partner_ids) | Domain("partner_b_id", "in", partner_ids)
        pairs = self.env["crm.client.duplicate.dismissal"].sudo().search_fetch(domain, ["partner_a_id", "partner_b_id"])
        return {(pair.partner_a_id.id, pair.partner_b_id.id) for pair in pairs}

    @api.model
    def _score_pairs(self, profiles, pairs):
        """{(a, b): (score, reasons)} of the accepted pairs, dismissed pairs left out."""
        by_id = {profile.id: profile for profile in profiles}
        dismissed = self._dismissed_pairs(list(by_id) if len(by_id) < 10000 else None)
        accepted = {}
        for pair in pairs:
            if pair in dismissed:
                continue
            score, reasons = matching.score_pair(by_id[pair[0]], by_id[pair[1]])
            if score:
                accepted[pair] = (score, reasons)
        return accepted, by_id

    @api.model
    def _reason_text(self, reasons):
        labels = {
            "same_vat": self.env._("same INN %s"),
            "same_ref": self.env._("same client number %s"),
            "same_phone": self.env._("same phone +%s"),
            "same_email": self.env._("same email %s"),
            "similar_name": self.env._("similar name (%s%%)"),
            "same_birthday": self.env._("same birthday %s"),
            "same_website": self.env._("same website %s"),
            "same_zip": self.env._("same postcode %s"),
            "phone_of": self.env._("the phone +%s is on this card"),
            "email_of": self.env._("the email %s is on this card"),
            "note": "%s",
        }
        # Keys compared in their matching form (a street as "171 78 poleva", a city in lower
        # case) are said without it: the cards show the values themselves.
        plain = {
            "same_city": self.env._("same city"),
            "same_street": self.env._("same street"),
            "same_name_city": self.env._("the same name, in the same city"),
        }
        words = []
        for code, value in matching.distinct_reasons(reasons):
            if code in plain:
                words.append(plain[code])
            elif code == "similar_name":
                words.append(labels[code] % round(float(value) * 100))
            elif code in labels:
                words.append(labels[code] % value)
        return ", ".join(words)

    @api.model
    def _reason_kinds(self, codes):
        """What two cards share, without the values: for a card the reader may not read."""
        labels = {
            "same_vat": self.env._("the same INN"),
            "same_ref": self.env._("the same client number"),
            "same_phone": self.env._("the same phone"),
            "same_email": self.env._("the same email"),
            "similar_name": self.env._("a similar name"),
            "same_birthday": self.env._("the same birthday"),
            "same_city": self.env._("the same city"),
            "same_street": self.env._("the same street"),
            "same_website": self.env._("the same website"),
            "same_zip": self.env._("the same postcode"),
            "phone_of": self.env._("the same phone"),
            "email_of": self.env._("the same email"),
            "same_name_city": self.env._("the same name in the same city"),
        }
        return ", ".join(dict.fromkeys(labels[code] for code in codes if code in labels))

    @api.model
    def _key_query(self, probes, kinds, keys):
        """SQL of (probe, partner id, kind, city key): the active partners sharing a blocking key
        with a probe, for the parallel lists ``probes`` (a probe's number), ``kinds`` (p: a phone,
        looked up among phones and mobiles; e: an email; v: a tax id; r: the value of the
        identifying property; n: a name key) and
        ``keys``. One query through the keys' indexes, for one card or a whole import."""
        # Each key looked up through its column's index (a lateral subquery with a limit is never
        # turned into a hash join: that would read the whole table for a few thousand keys).
        branches = SQL(" UNION ").join(
            SQL(
                """SELECT k.i, p.id, k.kind, p.dedup_city_key
                     FROM (SELECT * FROM k WHERE kind = %(kind)s) AS k CROSS JOIN LATERAL (
                       SELECT id, dedup_city_key FROM res_partner
                        WHERE %(column)s = k.key AND active LIMIT %(limit)s) AS p""",
                column=SQL.identifier(column),
                kind=kind,
                limit=KEY_MATCHES,
            )
            for kind, column in (
                ("p", "dedup_phone_key"),
                ("p", "dedup_mobile_key"),
                ("e", "dedup_email_key"),
                ("v", "dedup_vat_key"),
                ("r", "dedup_ref_key"),
                ("n", "dedup_name_key"),
            )
        )
        return SQL(
            """
            WITH k(i, kind, key) AS MATERIALIZED (
                SELECT * FROM unnest(%(probes)s::int[], %(kinds)s::varchar[], %(keys)s::varchar[]))
            %(branches)s
            """,
            branches=branches,
            probes=probes,
            kinds=kinds,
            keys=keys,
        )

    @api.model
    def _candidate_query(self, names, phones, emails, vats, threshold=0.5, limit=None, refs=()):
        """Ids of active partners with one of these phones, emails, tax ids, identifying
        property keys or name keys, or a
        name key alike (trigram similarity above ``threshold``, which finds the same key too).
        Names under five letters are looked up as they are: they share their trigrams with half
        the base."""
        self._without_jit(**{"pg_trgm.similarity_threshold": threshold})
        fuzzy = [name for name in names if len(name) >= 5]
        exact = [("p", phone) for phone in phones] + [("e", email) for email in emails]
        exact += [("v", vat) for vat in vats] + [("r", ref) for ref in refs]
        exact += [("n", name) for name in names if len(name) < 5]
        query = SQL(
            """
            SELECT id FROM (%(exact)s) AS exact(i, id, kind, city_key)
             UNION SELECT p.id FROM res_partner p JOIN unnest(%(fuzzy)s::varchar[]) AS k(key)
                                  ON p.dedup_name_key %% k.key
                            WHERE p.active
            """,
            exact=self._key_query([0] * len(exact), [kind for kind, _key in exact], [key for _kind, key in exact]),
            fuzzy=fuzzy,
        )
        if limit:
            query = SQL("%s LIMIT %s", query, limit)
        return [row[0] for row in self.env.execute_query(query)]

    @api.model
    def _place_probe(self, pid, name, address, city, birthday):
        """A probe of _place_pairs: (id, name key, {column: value}) for a card's keys."""
        return (
            pid,
            name,
            {
                "dedup_address_key": address,
                "dedup_city_key": city,
                "dedup_name_key": name,
                "birthday": birthday,
            },
        )

    @api.model
    def _find_similar(self, values, exclude_ids=(), limit=5, notices=False):
        """The existing partners likely to be the client described by ``values`` (res.partner
        field values), best first: a list of {"partner", "score", "reasons", "reason_codes"}
        dicts. Used on create (before saving) and by imports; a few indexed queries, no scan.

        With ``notices``, partners that are not likely the same client but share a phone, the
        mailbox or the exact name in the same city follow, with score 0 (see matching.notices):
        the card's banner says whose phone it is."""
        values = self._with_ref_key(values)
        identifying = ("phone", "mobile", "email", "vat", "dedup_ref_key")
        if not values.get("name") and not any(values.get(k) for k in identifying):
            return []
        self._check_trigram_locale()
        probe = matching.profile_from_values(0, values)
        ids = self._candidate_query(
            [probe.key] if probe.key else [],
            list(probe.phones),
            [probe.email] if probe.email else [],
            [probe.vat] if probe.vat else [],
            # While a card is typed: a stricter name threshold keeps the index scan short; the
            # hourly incremental scan looks again with the looser one.
            threshold=0.6,
            limit=200,
            refs=[probe.ref] if probe.ref else [],
        )
        # The cards at its address, or born on its birthday in its city or under its name, with
        # a related name (far apart in any order of names).
        ids += [
            pid
            for _probe, pid in self._place_pairs(
                [self._place_probe(0, probe.key, probe.address, probe.city, probe.birthday)]
            )
        ]
        excluded = set(exclude_ids)
        ids = [pid for pid in dict.fromkeys(ids) if pid not in excluded]
        if not ids:
            return []
        found, shared = [], []
        for profile in self._profiles(SQL("id = ANY(%s)", ids)):
            score, reasons = matching.score_pair(probe, profile)
            if score >= matching.LIKELY:
                found.append((score, profile.id, reasons))
            elif notices and (codes := matching.notices(probe, profile)):
                shared.append((0, profile.id, codes))
        found.sort(key=lambda item: (-item[0], item[1]))
        shared.sort(key=lambda item: item[1])
        Partner = self.env["res.partner"]
        return [
            {
                "partner": Partner.browse(pid),
                "score": score,
                "reasons": self._reason_text(reasons),
                "reason_codes": [code for code, _value in matching.distinct_reasons(reasons)],
                # What the reasons are made of, to word them again in another language.
                "reason_pairs": matching.distinct_reasons(reasons),
            }
            for score, pid, reasons in found[:limit] + shared[:limit]
        ]

    @api.model
    def _import_threshold(self):
        """The score from which an imported line is the existing client it matches (a setting)."""
        return int(self.env["ir.config_parameter"].sudo().get_param("crm_client_base_dedup.import_threshold") or 90)

    @api.model
    def _match_values(self, values_list, threshold=matching.LIKELY):
        """The batch form of _find_similar, for imports: for each dict of res.partner values, the
        best existing match scoring at least ``threshold``, as {"partner_id", "score", "reasons"},
        or None. Exact keys (phones, email, INN, name key) come from one indexed query for the
        whole batch; names with a typo from the names next to each line's in its city, in the
        orders of a full scan, and the cards at its address with a related name, through their
        indexes (never a read of the whole base)."""
        if not values_list:
            return []
        self.env["res.partner"].flush_model([*DEDUP_COLUMNS, "active", "city", "birthday"])
        self._without_jit()
        probes = [
            matching.profile_from_values(index, self._with_ref_key(values)) for index, values in enumerate(values_list)
        ]
        rows, kinds, keys = [], [], []
        for probe in probes:
            found = [("p", phone) for phone in probe.phones]
            found += [("e", probe.email)] if probe.email else []
            found += [("v", probe.vat)] if probe.vat else []
            found += [("r", probe.ref)] if probe.ref else []
            found += [("n", probe.key)] if probe.key else []
            for kind, key in found:
                rows.append(probe.id)
                kinds.append(kind)
                keys.append(key)
        pairs = set()
        if rows:
            found = self.env.execute_query(self._key_query(rows, kinds, keys))
            # A name alone is a match only within the same city (see score_pair): namesakes
            # elsewhere are not scored at all.
            pairs.update((i, pid) for i, pid, kind, city in found if kind != "n" or (city and city == probes[i].city))
        named = [probe for probe in probes if probe.key and probe.city]
        if named:
            pairs |= self._similar_name_pairs(
                SQL(
                    "SELECT * FROM unnest(%s::int[], %s::varchar[], %s::varchar[])",
                    [probe.id for probe in named],
                    [probe.city for probe in named],
                    [probe.key for probe in named],
                )
            )
        pairs |= self._place_pairs([self._place_probe(p.id, p.key, p.address, p.city, p.birthday) for p in probes])
        if not pairs:
            return [None] * len(values_list)
        by_id = {
            profile.id: profile for profile in self._profiles(SQL("id = ANY(%s)", list({pid for _i, pid in pairs})))
        }
        best = [None] * len(values_list)
        for index, pid in sorted(pairs):
            score, reasons = matching.score_pair(probes[index], by_id[pid]) if pid in by_id else (0, [])
            if score >= threshold and (best[index] is None or score > best[index]["score"]):
                best[index] = {
                    "partner_id": pid,
                    "score": score,
                    "reasons": self._reason_text(reasons),
                    "reason_codes": [code for code, _value in matching.distinct_reasons(reasons)],
                    "reason_pairs": matching.distinct_reasons(reasons),
                }
        return best
