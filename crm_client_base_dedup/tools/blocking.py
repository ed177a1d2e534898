# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Blocking: the candidate pairs of a set of profiles (the pairs worth scoring, never all
pairs), and what a pair must share to be one (pair_keys). The full scan finds the same pairs in
SQL (models/crm_client_duplicate_finder_scan.py)."""

from collections import defaultdict
from itertools import combinations

from rapidfuzz import fuzz, process

from .keys import website_key
from .matching import _NOT_ALNUM, Profile

# Sorted neighbourhoods of (city, key, key without spaces) entries: by key, by reversed key (a
# typo in the first letters) and by the key without spaces (two words written as one); names
# that close are alike from this ratio of their compact keys.
NAME_ORDERS = (lambda r: (r[0], r[1]), lambda r: (r[0], r[1][::-1]), lambda r: (r[0], r[2]))
NAME_RATIO = 75


def _support_keys(profile):
    """What else than a name may make a person's card the same client as another card of the
    same name in its city (see score_pair): the street, a house number, the website, the
    birthday, the postcode."""
    found = {("n", number) for number in profile.street_parts[1]}
    if profile.street:
        found.add(("s", profile.street))
    if profile.website:
        found.add(("w", profile.website))
    if profile.birthday:
        found.add(("b", profile.birthday))
    if profile.zip:
        found.add(("z", profile.zip))
    return found


def pair_keys(profile):
    """What two cards of names alike (not the same name) in one city must share for score_pair
    to take them for one client: an identifier, or what _support_keys has. Two cards sharing
    none of these are never scored: a full scan pairs millions of namesakes."""
    found = _support_keys(profile)
    found.update(("p", phone) for phone in profile.phones)
    if profile.email:
        found.add(("e", profile.email))
    if profile.vat:
        found.add(("v", profile.vat))
    if profile.ref:
        found.add(("r", profile.ref))
    return found


def stored_pair_keys(street, city, website, birthday, zip_code, phones=(), email=None, vat=None, ref=None):
    """pair_keys from a partner's stored values (``city``, ``phones``, ``email``, ``vat`` and
    ``ref`` as their duplicate keys), without its whole profile."""
    profile = Profile.__new__(Profile)
    profile._street, profile.city = street, city or ""
    profile.website = website_key(website)
    profile.birthday = birthday or None
    profile.zip = _NOT_ALNUM.sub("", (zip_code or "").lower())
    profile.phones = frozenset(phone for phone in phones if phone)
    profile.email, profile.vat, profile.ref = email or "", vat or "", ref or ""
    return pair_keys(profile)


def name_words(key):
    """The words of a name key that say something at one address: initials aside."""
    return {word for word in key.split() if len(word) > 1}


def names_related(key, other):
    """Whether two name keys may be one client's at one address: a word in common ("Попова
    Марина" and "Попова Марина Никитична"), initials aside, or names alike once their spaces
    are dropped (a typo in every word: "Азмут" and "Азимут")."""
    return (
        bool(name_words(key) & name_words(other))
        or fuzz.ratio(key.replace(" ", ""), other.replace(" ", "")) >= NAME_RATIO
    )


def place_block_pairs(members):
    """The pairs worth scoring among ``members``, (id, name key) of the cards at one place (one
    address, keys.address_key; one city and one birthday; one name and one birthday): those
    whose names are related (names_related). A business centre holds hundreds of firms: the
    others are never scored."""
    members = sorted(members)
    by_word = defaultdict(set)
    for pid, key in members:
        for word in name_words(key):
            by_word[word].add(pid)
    pairs = {pair for ids in by_word.values() if len(ids) > 1 for pair in combinations(sorted(ids), 2)}
    # The whole names compared at once (in C: a block holds up to a few hundred cards).
    compact = [key.replace(" ", "") for _pid, key in members]
    for i, name in enumerate(compact):
        for _other, _score, j in process.extract(
            name, compact[i + 1 :], scorer=fuzz.ratio, score_cutoff=NAME_RATIO, limit=None
        ):
            pairs.add((members[i][0], members[i + 1 + j][0]))
    return pairs


def name_block_pairs(members):
    """The pairs worth scoring among ``members``, profiles of one name in one city: a firm with
    every other card (the same firm name in a city is at least for review), people only with
    the cards they share a house number, website, birthday or postcode with. Namesakes of a
    common name are many: the pairs of them that share nothing but the name are never scored."""
    pairs = set()
    firms = [profile for profile in members if not profile.person]
    for firm in firms:
        pairs.update((min(firm.id, other.id), max(firm.id, other.id)) for other in members if other.id != firm.id)
    by_key = defaultdict(list)
    for profile in members:
        if profile.person:
            for key in _support_keys(profile):
                by_key[key].append(profile.id)
    for ids in by_key.values():
        pairs.update(combinations(sorted(ids), 2))
    return pairs


def candidate_pairs(profiles, max_block=200, window=4):
    """Pairs (id_a, id_b), id_a < id_b, sharing a blocking key: never all pairs.

    Blocks: each phone, the email, the tax id and the identifying property's value; blocks
    larger than ``max_block`` carry no signal and are skipped. The same name within a city: the
    pairs of name_block_pairs. The same address (keys.address_key), the same birthday in the
    same city, or the same name and birthday: the pairs of place_block_pairs, names as people
    write them ("Попова Марина" and "Попова Марина Никитична", "Малышева И. Г." and "Малышева
    Ирина Геннадьевна" are far apart in any order of names). Names written with a typo come from sorted
    neighbourhoods: within a city, each name is paired with the ``window`` names that follow it
    in the order of the name key, of the reversed key (a typo in the first letters) and of the
    key without spaces (two words written as one), when they are alike and share more than the
    name (pair_keys).
    """
    blocks = defaultdict(list)
    names = defaultdict(list)
    places = defaultdict(list)
    for profile in profiles:
        pid = profile.id
        for phone in profile.phones:
            blocks["p" + phone].append(pid)
        if profile.email:
            blocks["e" + profile.email].append(pid)
        if profile.vat:
            blocks["v" + profile.vat].append(pid)
        if profile.ref:
            blocks["r" + profile.ref].append(pid)
        if profile.key and profile.city:
            # A name alone counts within a city only (see score_pair): its block is the city's.
            names[profile.city, profile.key].append(profile)
            if profile.address:
                places[profile.address].append((pid, profile.key))
            if profile.birthday:
                places[profile.city, profile.birthday].append((pid, profile.key))
        if profile.key and profile.birthday:
            # The same name born on one day, a city left out of a card or not (see score_pair).
            places["name", profile.key, profile.birthday].append((pid, profile.key))
    pairs = set()
    for members in blocks.values():
        if 1 < len(members) <= max_block:
            members.sort()
            pairs.update(combinations(members, 2))
    for members in names.values():
        if 1 < len(members) <= max_block:
            pairs |= name_block_pairs(members)
    for members in places.values():
        if 1 < len(members) <= max_block:
            pairs |= place_block_pairs(members)
    named = [(p.city, p.key, p.key.replace(" ", ""), p.id) for p in profiles if p.key and p.city]
    by_id = {p.id: p for p in profiles}
    keys = {}

    def keys_of(pid):
        if pid not in keys:
            keys[pid] = pair_keys(by_id[pid])
        return keys[pid]

    for order in NAME_ORDERS:
        named.sort(key=order)
        for index, (city, _key, compact, pid) in enumerate(named):
            for other_city, _other_key, other_compact, other_id in named[index + 1 : index + 1 + window]:
                if other_city != city:
                    break
                if fuzz.ratio(compact, other_compact) < NAME_RATIO:
                    continue
                if compact == other_compact or keys_of(pid) & keys_of(other_id):
                    pairs.add((pid, other_id) if pid < other_id else (other_id, pid))
    return pairs
