# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The finder's scans: of the whole base (the review queue's full scan) and of partners just
changed (the hourly incremental scan). Both find the candidate pairs the way
blocking.candidate_pairs does (a key in common, an address in common with a related name, or a
name alike among the names next to it in its city, in three orders), without ever holding the
whole base in memory."""

from collections import defaultdict, deque
from itertools import combinations, islice

from rapidfuzz import fuzz

from odoo import api, models
from odoo.tools import SQL

from ..tools import blocking, matching
from .res_partner import DEDUP_COLUMNS

# A full scan reads the base in slices of this many rows, and scores this many pairs at a time:
# its memory does not grow with the base (a million partners would not fit as profiles).
SCAN_FETCH = 20000
SCAN_CHUNK = 50000
# Profiles kept from one slice to the next (a card is in pairs of many slices), at most.
SCAN_CACHE = 300000
# Blocks of one key larger than this carry no signal (a switchboard of a hundred people).
MAX_BLOCK = 200
# Each name is compared with this many names on each side of it, in each order.
WINDOW = 4
# The orders in which the names of a city are walked: by name key, by the key reversed (a typo in
# the first letters), by the key without spaces (two words written as one). Each has its index.
NAME_ORDERS = ("%s", "reverse(%s)", "replace(%s, ' ', '')")
KEY_COLUMNS = (
    ("p", "dedup_phone_key"),
    ("p", "dedup_mobile_key"),
    ("e", "dedup_email_key"),
    ("v", "dedup_vat_key"),
    ("r", "dedup_ref_key"),
    ("n", "dedup_name_key"),
)
# A name's block pairs only some of its cards, within its city (blocking.name_block_pairs); an
# address's, kept apart from these keys, those whose names are related (_place_pairs).
SELECTIVE_KEYS = ("n",)
# The places whose cards are paired when their names are related (blocking.place_block_pairs),
# as the columns that say them, with their SQL types: one address (keys.address_key); one city
# and one birthday (a person's two cards, the name written two ways); one name and one birthday
# (a person's two cards, a city left out of one).
PLACES = (
    (("dedup_address_key", "varchar"),),
    (("dedup_city_key", "varchar"), ("birthday", "date")),
    (("dedup_name_key", "varchar"), ("birthday", "date")),
)
# A pair of ids in one integer: a full scan holds millions of them.
PAIR_SHIFT = 32


class CrmClientDuplicateFinder(models.AbstractModel):
    _inherit = "crm.client.duplicate.finder"

    @api.model
    def _scan_candidates(self, max_block=MAX_BLOCK, window=WINDOW):
        """The candidate pairs of a full scan (each as one integer: a << PAIR_SHIFT | b, a < b),
        as blocking.candidate_pairs finds them, without holding the partners: blocks of a phone,
        an email or a tax id come from SQL (a block larger than ``max_block`` carries no
        signal), the cards of one place (PLACES) whose names are related, the sorted neighbourhoods of
        names within a city from the base streamed in each order. The blocks of one name in a
        city are scored as they come (_score_name_blocks)."""
        self.env["res.partner"].flush_model([*DEDUP_COLUMNS, "active", "birthday"])
        keys = SQL(" UNION ALL ").join(
            SQL(
                "SELECT id, %s || %s AS k FROM res_partner WHERE active AND %s IS NOT NULL",
                prefix,
                SQL.identifier(column),
                SQL.identifier(column),
            )
            for prefix, column in KEY_COLUMNS
            if prefix not in SELECTIVE_KEYS
        )
        pairs = set()
        blocks = SQL(
            "SELECT array_agg(DISTINCT id) FROM (%s) AS keys GROUP BY k HAVING count(DISTINCT id) BETWEEN 2 AND %s",
            keys,
            max_block,
        )
        for (members,) in self._stream(blocks):
            members.sort()
            pairs.update(a << PAIR_SHIFT | b for a, b in combinations(members, 2))
        for place in PLACES:
            columns = [SQL.identifier(column) for column, _type in place]
            members_of_place = SQL(
                """
                SELECT array_agg(id), array_agg(dedup_name_key) FROM res_partner
                 WHERE active AND dedup_name_key IS NOT NULL AND %s
              GROUP BY %s HAVING count(*) BETWEEN 2 AND %s
                """,
                SQL(" AND ").join(SQL("%s IS NOT NULL", column) for column in columns),
                SQL(", ").join(columns),
                max_block,
            )
            for members, names in self._stream(members_of_place):
                pairs.update(
                    a << PAIR_SHIFT | b for a, b in blocking.place_block_pairs(zip(members, names, strict=True))
                )
        for pattern in NAME_ORDERS:
            order = SQL(pattern, SQL.identifier("dedup_name_key"))
            named = SQL(
                """
                SELECT id, dedup_city_key, replace(dedup_name_key, ' ', ''), street, website, birthday, zip,
                       dedup_phone_key, dedup_mobile_key, dedup_email_key, dedup_vat_key, dedup_ref_key
                  FROM res_partner
                 WHERE active AND dedup_name_key IS NOT NULL AND dedup_city_key IS NOT NULL
                 ORDER BY dedup_city_key COLLATE "C", %s COLLATE "C", id
                """,
                order,
            )
            previous = deque(maxlen=window)
            for row in self._stream(named):
                entry = [row, None]
                if previous and previous[-1][0][1] != row[1]:
                    previous.clear()
                for other in previous:
                    if fuzz.ratio(row[2], other[0][2]) < blocking.NAME_RATIO:
                        continue
                    # Two names alike share more than the name, or score_pair refuses them: the
                    # pairs that do not are left out before their profiles are read.
                    if row[2] != other[0][2] and not self._pair_keys(entry) & self._pair_keys(other):
                        continue
                    pid, other_id = row[0], other[0][0]
                    pairs.add(min(other_id, pid) << PAIR_SHIFT | max(other_id, pid))
                previous.append(entry)
        return pairs

    @api.model
    def _pair_keys(self, entry):
        """blocking.pair_keys of a streamed name row, worked out once: entry is [row, keys]."""
        if entry[1] is None:
            _pid, city, _name, street, website, birthday, zip_code, phone, mobile, email, vat, ref = entry[0]
            entry[1] = blocking.stored_pair_keys(
                street, city, website, birthday, zip_code, (phone, mobile), email, vat, ref
            )
        return entry[1]

    @api.model
    def _score_name_blocks(self, accepted, kept, dismissed, cache, max_block=MAX_BLOCK):
        """Score the pairs of the cards of one name in one city (blocking.name_block_pairs) into
        ``accepted`` and ``kept``, blocks streamed and read SCAN_FETCH cards at a time; return
        the number of pairs scored. Namesakes of common names are many: only their pairs that
        share more than the name are scored."""
        blocks = SQL(
            """
            SELECT array_agg(id ORDER BY id) FROM res_partner
             WHERE active AND dedup_name_key IS NOT NULL AND dedup_city_key IS NOT NULL
          GROUP BY dedup_city_key, dedup_name_key HAVING count(*) BETWEEN 2 AND %s
            """,
            max_block,
        )
        count, batch = 0, []

        def score(batch):
            by_id = self._cached_profiles([i for b in batch for i in b], cache)
            scored = 0
            for block in batch:
                for a, b in blocking.name_block_pairs([by_id[pid] for pid in block if pid in by_id]):
                    if a << PAIR_SHIFT | b in dismissed:
                        continue
                    scored += 1
                    self._accept(by_id[a], by_id[b], accepted, kept)
            return scored

        size = 0
        for (members,) in self._stream(blocks):
            batch.append(members)
            size += len(members)
            if size >= SCAN_FETCH:
                count += score(batch)
                batch, size = [], 0
        return count + (score(batch) if batch else 0)

    @api.model
    def _cached_profiles(self, ids, cache):
        """The profiles of ``ids``, read into ``cache`` when missing; past SCAN_CACHE the oldest
        go first (the next pairs' cards are mostly the latest read)."""
        missing = [pid for pid in ids if pid not in cache]
        excess = len(cache) + len(missing) - SCAN_CACHE
        if excess > 0:
            for pid in list(islice(cache, excess)):
                del cache[pid]
            missing = [pid for pid in ids if pid not in cache]
        if missing:
            cache.update((profile.id, profile) for profile in self._profiles(SQL("id = ANY(%s)", missing)))
        return cache

    @api.model
    def _accept(self, a, b, accepted, kept):
        score, reasons = matching.score_pair(a, b)
        if score:
            accepted[a.id, b.id] = (score, reasons)
            kept[a.id] = matching.Identity.of(a)
            kept[b.id] = matching.Identity.of(b)

    @api.model
    def _stream(self, query):
        """The rows of ``query``, fetched SCAN_FETCH at a time through a cursor declared in the
        database for this transaction (the rows are never all in memory)."""
        self.env.execute_query(SQL("DECLARE crm_client_scan NO SCROLL CURSOR FOR %s", query))
        try:
            while rows := self.env.execute_query(SQL("FETCH %s FROM crm_client_scan", SCAN_FETCH)):
                yield from rows
        finally:
            self.env.execute_query(SQL("CLOSE crm_client_scan"))

    @api.model
    def _score_scan(self):
        """The full scan's pairs scored: {pair: (score, reasons)} of the accepted candidate pairs
        (dismissed ones left out), for the grouping each accepted partner's identifiers that may
        conflict, and the number of candidates. The profiles of a slice of pairs at a time are
        read, scored and let go."""
        self._without_jit()
        dismissed = {a << PAIR_SHIFT | b for a, b in self._dismissed_pairs()}
        accepted, kept = {}, {}
        cache = {}
        count = self._score_name_blocks(accepted, kept, dismissed, cache)
        pairs = self._scan_candidates()
        count += len(pairs)
        ordered = sorted(pairs - dismissed)
        del pairs
        mask = (1 << PAIR_SHIFT) - 1
        for start in range(0, len(ordered), SCAN_CHUNK):
            chunk = [(pair >> PAIR_SHIFT, pair & mask) for pair in ordered[start : start + SCAN_CHUNK]]
            by_id = self._cached_profiles({pid for pair in chunk for pid in pair}, cache)
            for a, b in chunk:
                if a in by_id and b in by_id:
                    self._accept(by_id[a], by_id[b], accepted, kept)
        return accepted, kept, count

    @api.model
    def _changed_candidates(self, partners, max_block=MAX_BLOCK, window=WINDOW):
        """The candidate pairs of ``partners`` with the base, as the full scan finds them, through
        the indexes: the partners sharing a key with one of them (in a block no larger than
        ``max_block``), those at its place (PLACES) with a related name, and the ``window`` names on
        each side of its name in its city, in each order, when they are alike."""
        self.env["res.partner"].flush_model([*DEDUP_COLUMNS, "active", "birthday"])
        self._without_jit()
        ids = partners.ids
        probes, kinds, keys, cities, places = [], [], [], {}, []
        for row in self.env.execute_query(
            SQL(
                "SELECT id, dedup_city_key, dedup_address_key, birthday, dedup_name_key, %s FROM res_partner"
                " WHERE id = ANY(%s) AND active",
                SQL(", ").join(SQL.identifier(column) for _kind, column in KEY_COLUMNS),
                ids,
            )
        ):
            pid, city, address, birthday, name = row[:5]
            cities[pid] = city
            places.append(self._place_probe(pid, name, address, city, birthday))
            for (kind, _column), key in zip(KEY_COLUMNS, row[5:], strict=True):
                if key:
                    probes.append(pid)
                    kinds.append(kind)
                    keys.append(key)
        found = {}
        if probes:
            for probe, pid, kind, city in self.env.execute_query(self._key_query(probes, kinds, keys)):
                # A name alone counts within a city only, as in the full scan.
                if kind != "n" or (city and city == cities[probe]):
                    found.setdefault((probe, kind), set()).add(pid)
        pairs = {
            (min(probe, pid), max(probe, pid))
            for (probe, _kind), members in found.items()
            if len(members) <= max_block
            for pid in members
            if pid != probe
        }
        pairs.update((min(probe, pid), max(probe, pid)) for probe, pid in self._place_pairs(places) if pid != probe)
        probes = SQL(
            """SELECT id, dedup_city_key, dedup_name_key FROM res_partner
                WHERE id = ANY(%s) AND active AND dedup_name_key IS NOT NULL AND dedup_city_key IS NOT NULL""",
            ids,
        )
        pairs.update((min(probe, pid), max(probe, pid)) for probe, pid in self._similar_name_pairs(probes, window))
        return pairs

    @api.model
    def _place_pairs(self, probes, max_block=MAX_BLOCK):
        """Pairs (probe, partner id) of the cards at a probe's place (PLACES: its address, its
        city or its name with its birthday) whose names are related to the probe's
        (blocking.names_related), for ``probes``: (probe, name key, {column: value}) tuples. A place of more than
        ``max_block`` cards (a business centre) pairs none, as in a full scan."""
        pairs = set()
        for place in PLACES:
            located = [
                (probe, name, [values[column] for column, _type in place])
                for probe, name, values in probes
                if name and all(values[column] for column, _type in place)
            ]
            if not located:
                continue
            arrays = [list(column) for column in zip(*(values for _probe, _name, values in located), strict=True)]
            rows = self.env.execute_query(
                SQL(
                    """
                    SELECT k.i, k.name, p.id, p.dedup_name_key
                      FROM unnest(%s::int[], %s::varchar[], %s) AS k(i, name, %s)
                     CROSS JOIN LATERAL (
                           SELECT id, dedup_name_key FROM res_partner AS r
                            WHERE %s AND active AND dedup_name_key IS NOT NULL
                            LIMIT %s) AS p
                    """,
                    [probe for probe, _name, _values in located],
                    [name for _probe, name, _values in located],
                    SQL(", ").join(
                        SQL("%s::%s[]", array, SQL(sql_type))
                        for array, (_column, sql_type) in zip(arrays, place, strict=True)
                    ),
                    SQL(", ").join(SQL.identifier(f"v{index}") for index in range(len(place))),
                    SQL(" AND ").join(
                        SQL("r.%s = k.%s", SQL.identifier(column), SQL.identifier(f"v{index}"))
                        for index, (column, _type) in enumerate(place)
                    ),
                    max_block + 1,
                )
            )
            found = defaultdict(list)
            for probe, name, pid, other in rows:
                found[probe, name].append((pid, other))
            pairs.update(
                (probe, pid)
                for (probe, name), members in found.items()
                if len(members) <= max_block
                for pid, other in members
                if blocking.names_related(name, other)
            )
        return pairs

    @api.model
    def _similar_name_pairs(self, probes, window=WINDOW):
        """Pairs (probe, partner) of names alike in a city: the ``window`` names of the base on
        each side of each probe's name in its city, in each order of NAME_ORDERS, kept when alike.
        ``probes``: SQL of (id, city key, name key) rows: partners, or the lines of an import."""
        pairs = set()
        for pattern in NAME_ORDERS:
            for probe, compact, pid, other_compact in self.env.execute_query(
                self._neighbour_query(probes, pattern, window)
            ):
                if fuzz.ratio(compact, other_compact) >= blocking.NAME_RATIO:
                    pairs.add((probe, pid))
        return pairs

    @api.model
    def _neighbour_query(self, probes, pattern, window):
        """SQL of (probe, its compact name key, neighbour, the neighbour's): the ``window``
        names before and after each probe's name in its city, in the order of ``pattern`` (one
        of NAME_ORDERS), through the index of that order."""
        where = SQL("p.active AND p.dedup_name_key IS NOT NULL AND p.dedup_city_key IS NOT NULL")
        key = SQL('%s COLLATE "C"', SQL(pattern, SQL.identifier("p", "dedup_name_key")))
        city = SQL('p.dedup_city_key COLLATE "C"')
        return SQL(
            """
            WITH probe AS MATERIALIZED (
                SELECT src.id, src.city COLLATE "C" AS city, %(probe_key)s COLLATE "C" AS key,
                       replace(src.name, ' ', '') AS compact
                  FROM (%(probes)s) AS src(id, city, name))
            SELECT probe.id, probe.compact, n.id, n.compact FROM probe CROSS JOIN LATERAL (
                (SELECT p.id, replace(p.dedup_name_key, ' ', '') AS compact FROM res_partner p
                  WHERE %(where)s AND %(city)s = probe.city AND %(key)s > probe.key
                  ORDER BY %(key)s LIMIT %(window)s)
                UNION ALL
                (SELECT p.id, replace(p.dedup_name_key, ' ', '') AS compact FROM res_partner p
                  WHERE %(where)s AND %(city)s = probe.city AND %(key)s < probe.key
                  ORDER BY %(key)s DESC LIMIT %(window)s)
            ) AS n
            """,
            probe_key=SQL(pattern, SQL.identifier("src", "name")),
            probes=probes,
            city=city,
            key=key,
            where=where,
            window=window,
        )
