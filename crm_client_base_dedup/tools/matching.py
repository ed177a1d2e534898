# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pair scoring of the duplicate detector, in plain Python (the keys: keys.py).

Nothing here touches the database: the same functions compute the keys stored on partners, score
candidate pairs during a scan or a lookup, and run in the benchmark and in the unit tests.
"""

import re
from collections import defaultdict
from itertools import combinations

from rapidfuzz import fuzz

from odoo.addons.crm_client_base.tools.legal_forms import ENTREPRENEUR_FORMS

from .keys import (
    city_key,
    email_key,
    person_words,
    phone_key,
    split_name,
    street_key,
    vat_key,
    website_key,
)

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"\D+")


class Profile:
    """What the scorer compares of one partner."""

    __slots__ = (
        "id",
        "key",
        "tokens",
        "forms",
        "person",
        "words",
        "phones",
        "email",
        "vat",
        "kpp",
        "city",
        "street",
        "zip",
        "website",
        "birthday",
        "parent_id",
        "company_id",
    )

    def __init__(
        self,
        pid,
        name,
        phones=(),
        email=None,
        vat=None,
        kpp=None,
        city=None,
        birthday=None,
        person=False,
        street=None,
        zip_code=None,
        website=None,
        parent_id=None,
        company_id=None,
    ):
        self.id = pid
        tokens, self.forms = split_name(name)
        self.tokens = sorted(tokens)
        self.key = " ".join(self.tokens)
        self.phones = frozenset(p for p in (phone_key(p) for p in phones) if p)
        self.email = email_key(email)
        self.vat = vat_key(vat)
        self.kpp = _DIGITS.sub("", kpp or "")
        self.city = city_key(city)
        self.birthday = birthday or None
        # A person's name is compared word by word: "Соколов Владимир" is not "Жуков Владимир".
        # A legal form says which it is: an entrepreneur's (ИП) is a person's, any other a firm's.
        self.person = bool(self.forms & ENTREPRENEUR_FORMS) or (bool(person) and not self.forms)
        self.words = person_words(name) if self.person else ()
        self.street = street_key(street)
        self.zip = _NOT_ALNUM.sub("", (zip_code or "").lower())
        self.website = website_key(website)
        self.parent_id = parent_id
        self.company_id = company_id


# A full word matches another from this ratio (typos, transliterations, a surname's gender
# ending), provided they start alike: "sasha" and "masha" are 80 % alike and two people.
WORD_RATIO = 80
# Every word missing from one name (a patronymic, a given name) costs this much similarity.
MISSING_WORD = 0.04
# An initial standing for the word it starts counts as this similar.
INITIAL_MATCH = 0.9
# Two words this alike may be a typo of one word: the same person only if the cards share
# much else (see score_pair).
NEAR_WORD = 60


def _words_alike(a, b):
    """How alike two full words are (0 when not alike enough): the best of their skeletons and
    their Latin letters."""
    ratio = max(fuzz.ratio(a[0], b[0]), fuzz.ratio(a[1], b[1]))
    if ratio >= 85 or (ratio >= WORD_RATIO and (a[1][0] == b[1][0] or min(len(a[1]), len(b[1])) >= 6)):
        return ratio
    return 0


def _stands_for(initial, word):
    """Whether an initial stands for a word (or is the same initial)."""
    if word[2]:
        return initial[1] == word[1] or initial[0] == word[0]
    return word[1].startswith(initial[1]) or word[0].startswith(initial[0])


def person_names(a, b):
    """How two persons' names (keys.person_words) agree, word by word, in any order: ("same",
    similarity 0..1) when every word of one stands for a word of the other or is missing from
    it (an initial for the word it starts, "В.Б. Хохлов" ~ "Хохлов Василий Борисович"; "Василий
    Хохлов" ~ the same with the patronymic), ("conflict", 0) when both names have a word the
    other contradicts ("Козлов В.Г." and "Козлов Виктор Петрович", "Иванов Пётр" and "Иванова
    Мария"), or (None, 0) when there is too little to tell (initials only)."""
    full_a = [word for word in a if not word[2]]
    full_b = [word for word in b if not word[2]]
    if not full_a or not full_b:
        return None, 0.0
    left_a, left_b = list(a), list(b)
    scores = []
    alike = sorted(
        ((_words_alike(x, y), i, j) for i, x in enumerate(full_a) for j, y in enumerate(full_b)),
        reverse=True,
    )
    used_a, used_b = set(), set()
    for ratio, i, j in alike:
        if ratio and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            left_a.remove(full_a[i])
            left_b.remove(full_b[j])
            scores.append(ratio / 100.0)
    if not scores and (len(full_a) == 1 or len(full_b) == 1):
        # One word against several: a name written as one word ("YuliyaAnisimova").
        single, others = (full_a[0], full_b) if len(full_a) == 1 else (full_b[0], full_a)
        glued = max(
            (fuzz.ratio(single[0], x[0] + y[0]) for x in others for y in others if x is not y),
            default=0,
        )
        if glued < 85:
            return "conflict", 0.0
        return "same", glued / 100.0 - MISSING_WORD * max(len(others) - 2, 0)
    # Initials stand for a remaining word they start, or for the same initial.
    for mine, theirs in ((left_a, left_b), (left_b, left_a)):
        for word in [word for word in mine if word[2]]:
            match = next((other for other in theirs if _stands_for(word, other)), None)
            if match:
                mine.remove(word)
                theirs.remove(match)
                scores.append(1.0 if match[2] else INITIAL_MATCH)
    if left_a and left_b:
        if len(left_a) == len(left_b) == 1 and not left_a[0][2] and not left_b[0][2] and scores:
            # One word each that disagree but are alike ("Игорь" and "Егорь"): a typo, or
            # two people; the caller decides on what else the cards share.
            near = max(fuzz.ratio(left_a[0][1], left_b[0][1]), fuzz.ratio(left_a[0][0], left_b[0][0]))
            if near >= NEAR_WORD:
                return "near", min(*scores, near / 100.0)
        return "conflict", 0.0
    return "same", min(scores) - MISSING_WORD * len(left_a or left_b)


def _person_similarity(a, b, whole):
    """Similarity of two person names word by word: every word of the shorter name must match a
    word of the other, an initial matching a word it starts ("Иванов И. П." ~ "Иван Петрович
    Иванов"), a missing patronymic allowed ("Иванов Иван" ~ "Иванов Иван Петрович"). Names written
    as one word ("IvanIvanov") fall back to ``whole``, the similarity of the whole strings."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < 2:
        return whole / 100.0 if len(long_) < 2 else 0.0
    remaining = list(long_)
    scores = []
    for token in sorted(short, key=len, reverse=True):
        best, best_index = 0, None
        for index, other in enumerate(remaining):
            if len(token) == 1 or len(other) == 1:
                score = 90 if token[0] == other[0] else 0
            else:
                score = fuzz.ratio(token, other)
            if score > best:
                best, best_index = score, index
        if best < 75:
            return 0.0
        scores.append(best)
        remaining.pop(best_index)
    # Each missing word (a patronymic) costs a little.
    return (min(scores) - 4 * len(remaining)) / 100.0


def name_similarity(a, b, strict=True):
    """0..1: how alike two profiles' names are, whatever their word order, spaces or initials.

    ``strict`` compares two persons' names word by word; otherwise as whole strings."""
    if not a.key or not b.key:
        return 0.0
    if a.key == b.key:
        return 1.0
    compact_a, compact_b = a.key.replace(" ", ""), b.key.replace(" ", "")
    best = max(
        fuzz.ratio(a.key, b.key),
        fuzz.ratio(compact_a, compact_b),
        fuzz.ratio("".join(sorted(compact_a)), "".join(sorted(compact_b))) - 10,
    )
    if strict and a.person and b.person:
        return _person_similarity(a.tokens, b.tokens, best)
    return best / 100.0


# Pairs scoring below LIKELY are not claimed to be one client: candidates for a person to review
# (the same firm name in the same city and nothing else in common), never merged in bulk.
LIKELY = 50
REVIEW_SCORE = 30
# A firm's card and a person's are one client only under names this alike.
MIXED_NAME = 0.8


def score_pair(a, b):
    """(score 0..100, reasons) for two profiles; score 0 means "not the same client", a score
    under LIKELY "worth a look, not a claim".

    Reasons are (code, value) tuples; the caller turns them into words.
    """
    reasons = []
    if a.id == b.parent_id or b.id == a.parent_id:
        # A company and its own contact share phones and mail domains by design.
        return 0, reasons
    if a.company_id and b.company_id and a.company_id != b.company_id:
        return 0, reasons
    if a.vat and b.vat and a.vat != b.vat:
        return 0, [("vat_conflict", None)]
    same_vat = bool(a.vat) and a.vat == b.vat
    if same_vat and a.kpp and b.kpp and a.kpp != b.kpp:
        # One legal entity, two branches.
        return 0, [("kpp_conflict", None)]
    if a.birthday and b.birthday and a.birthday != b.birthday:
        return 0, [("birthday_conflict", None)]
    if a.person != b.person and not same_vat and name_similarity(a, b, strict=False) < MIXED_NAME:
        # A firm and a person are two clients, whatever they share (the firm's switchboard or
        # mailbox on an employee's card), unless one name is the other's: a firm's card typed
        # as a person's ("РОМАШКА").
        return 0, reasons
    shared_phones = a.phones & b.phones
    same_email = bool(a.email) and a.email == b.email
    phone_conflict = bool(a.phones and b.phones and not shared_phones)
    email_conflict = bool(a.email and b.email and not same_email)
    verdict = None
    if a.person and b.person:
        verdict, similarity = person_names(a.words, b.words)
        if verdict == "near":
            # A word with a typo, or another person: two identifiers, or one and the birthday,
            # say it is the same person (a family shares a phone, not a birthday as well).
            same_birthday = bool(a.birthday) and a.birthday == b.birthday
            evidence = bool(shared_phones) + same_email + same_vat + same_birthday
            verdict = "same" if evidence >= 2 else "conflict"
        if verdict == "conflict" and not same_vat:
            # Two people: an office switchboard, a shared mailbox or a family phone.
            return 0, reasons
    if verdict != "same":
        similarity = name_similarity(a, b)
    same_city = bool(a.city) and a.city == b.city

    if same_vat:
        reasons.append(("same_vat", a.vat))
    for phone in sorted(shared_phones):
        reasons.append(("same_phone", phone))
    if same_email:
        reasons.append(("same_email", a.email))
    if similarity >= 0.6:
        reasons.append(("similar_name", round(similarity, 2)))
    if a.birthday and a.birthday == b.birthday:
        reasons.append(("same_birthday", str(a.birthday)))

    identifiers = same_vat + bool(shared_phones) + same_email
    if identifiers:
        if verdict != "same":
            # With an identifier in common, typos may go as far as a word order allows.
            similarity = max(similarity, name_similarity(a, b, strict=False))
        if similarity < 0.5 and not same_vat:
            # A shared switchboard or family phone, a shared mailbox: not enough on its own.
            return 0, reasons
        if same_vat and not (shared_phones or same_email):
            # Same INN, but another city, other phones or mailboxes: a branch without its KPP.
            if a.city and b.city and not same_city:
                return 0, reasons
            if (phone_conflict or email_conflict) and (similarity < 0.9 or phone_conflict and email_conflict):
                return 0, reasons
        score = 70 + 10 * identifiers + int(20 * similarity)
        return min(score, 100), reasons
    # Nothing identifying in common: a near-identical name in the same city counts, unless
    # phones, mailboxes or legal forms (ООО «Амур» and ЧУП «Амур») tell two clients apart.
    # Even then, the address, birthday or website must agree: same-name firms in one city abound.
    form_conflict = bool(a.forms and b.forms and not a.forms & b.forms)
    if similarity < 0.85 or not same_city or phone_conflict or email_conflict or form_conflict:
        return 0, reasons
    support = []
    if a.street and a.street == b.street:
        support.append(("same_street", a.street))
    if a.website and a.website == b.website:
        support.append(("same_website", a.website))
    if a.birthday and a.birthday == b.birthday:
        support.append(None)
    if a.zip and a.zip == b.zip and not (a.street and b.street):
        # The postcode where the street is missing on a card; two streets that differ do not agree.
        support.append(("same_zip", a.zip))
    reasons.append(("same_city", a.city))
    if not support:
        # The same firm name in the same city, nothing else: for a person to look at.
        return (REVIEW_SCORE, reasons) if not a.person and a.key == b.key else (0, reasons)
    reasons.extend(reason for reason in support if reason)
    return int(40 + 30 * similarity + 5 * len(support)), reasons


def notices(a, b):
    """What a card being typed shares with an existing one that score_pair does not take for the
    same client: each shared phone ("phone_of"), the mailbox ("email_of"), or the exact name in
    the same city ("same_name_city"), as (code, value) tuples. A shared phone or mailbox says
    whose it is, not that the two are one client; a company and its contacts share them by
    design and say nothing."""
    if a.id == b.parent_id or b.id == a.parent_id:
        return []
    if a.company_id and b.company_id and a.company_id != b.company_id:
        return []
    found = [("phone_of", phone) for phone in sorted(a.phones & b.phones)]
    if a.email and a.email == b.email:
        found.append(("email_of", a.email))
    if a.key and a.key == b.key and a.city and a.city == b.city:
        found.append(("same_name_city", a.city))
    return found


# Sorted neighbourhoods of (city, key, key without spaces) entries: by key, by reversed key (a
# typo in the first letters) and by the key without spaces (two words written as one); names
# that close are alike from this ratio of their compact keys.
NAME_ORDERS = (lambda r: (r[0], r[1]), lambda r: (r[0], r[1][::-1]), lambda r: (r[0], r[2]))
NAME_RATIO = 75


def candidate_pairs(profiles, max_block=200, window=4):
    """Pairs (id_a, id_b), id_a < id_b, sharing a blocking key: never all pairs.

    Blocks: each phone, the email, the tax id and the name key; blocks larger than
    ``max_block`` carry no signal and are skipped. Names written with a typo come from sorted
    neighbourhoods: within a city, each name is paired with the ``window`` names that follow it
    in the order of the name key, of the reversed key (a typo in the first letters) and of the
    key without spaces (two words written as one), when they are alike at all.
    """
    blocks = defaultdict(list)
    for profile in profiles:
        pid = profile.id
        for phone in profile.phones:
            blocks["p" + phone].append(pid)
        if profile.email:
            blocks["e" + profile.email].append(pid)
        if profile.vat:
            blocks["v" + profile.vat].append(pid)
        if profile.key:
            blocks["n" + profile.key].append(pid)
    pairs = set()
    for members in blocks.values():
        if 1 < len(members) <= max_block:
            members.sort()
            pairs.update(combinations(members, 2))
    named = [(p.city, p.key, p.key.replace(" ", ""), p.id) for p in profiles if p.key and p.city]
    for order in NAME_ORDERS:
        named.sort(key=order)
        for index, (city, _key, compact, pid) in enumerate(named):
            for other_city, _other_key, other_compact, other_id in named[index + 1 : index + 1 + window]:
                if other_city != city:
                    break
                if fuzz.ratio(compact, other_compact) >= NAME_RATIO:
                    pairs.add((pid, other_id) if pid < other_id else (other_id, pid))
    return pairs


def similar_names(probes, others, window=4, min_ratio=NAME_RATIO):
    """Pairs (probe id, other id) of names alike within a city: the sorted neighbourhoods of
    candidate_pairs, between two sets only (the lines of an import and the base). ``probes``
    and ``others`` are (id, name key, city key) triples; all of a large batch costs three sorts.
    """
    entries = [(city, key, key.replace(" ", ""), True, pid) for pid, key, city in probes if key and city]
    if not entries:
        return set()
    entries += [(city, key, key.replace(" ", ""), False, pid) for pid, key, city in others if key and city]
    pairs = set()
    for order in NAME_ORDERS:
        entries.sort(key=order)
        for index, (city, _key, compact, is_probe, pid) in enumerate(entries):
            if not is_probe:
                continue
            # The neighbours on both sides: the base's names sort before and after a line's.
            for other in (*entries[max(0, index - window) : index], *entries[index + 1 : index + 1 + window]):
                if other[3] or other[0] != city:
                    continue
                if fuzz.ratio(compact, other[2]) >= min_ratio:
                    pairs.add((pid, other[4]))
    return pairs


def group_pairs(scored, profiles_by_id=None):
    """Candidate groups from accepted pairs: {pair: (score, reasons)} -> list of id sets.

    Pairs are joined into groups (a duplicate of a duplicate is one client), best pairs first;
    two groups are not joined when any two of their members conflict on a tax id, KPP or
    birthday, so one weak link cannot chain two clients together. Pairs for review (under
    LIKELY) only join cards no likely pair has grouped.
    """
    parent = {}
    members = {}

    def find(node):
        root = node
        while parent.get(root, root) != root:
            root = parent[root]
        while node != root:
            parent[node], node = root, parent[node]
        return root

    likely = set()
    for (a, b), (score, _reasons) in sorted(scored.items(), key=lambda item: -item[1][0]):
        root_a, root_b = find(a), find(b)
        if root_a == root_b:
            continue
        if score < LIKELY and (root_a in likely or root_b in likely):
            continue
        group_a, group_b = members.get(root_a, {a}), members.get(root_b, {b})
        if profiles_by_id and (len(group_a) > 1 or len(group_b) > 1):
            if any(_conflict(profiles_by_id[x], profiles_by_id[y]) for x in group_a for y in group_b):
                continue
        parent[root_b] = root_a
        members[root_a] = group_a | group_b
        members.pop(root_b, None)
        if score >= LIKELY or root_b in likely:
            likely.add(root_a)
    return [group for group in members.values() if len(group) > 1]


def _conflict(a, b):
    if a.vat and b.vat and a.vat != b.vat:
        return True
    if a.vat and a.vat == b.vat and a.kpp and b.kpp and a.kpp != b.kpp:
        return True
    return bool(a.birthday and b.birthday and a.birthday != b.birthday)


PERSON_TYPES = ("individual_entrepreneur", "private_person")


def profile_from_values(pid, values):
    """A Profile from a partner's field values (a dict with res.partner field names).

    A contact person carries its company's tax ids (Odoo copies them down): they identify the
    company, not the person, and are left out. Without a client type, a card that is not a
    company is a person's (a key contact, a card typed in a hurry)."""
    contact = bool(values.get("parent_id"))
    client_type = values.get("client_type")
    return Profile(
        pid,
        values.get("name"),
        phones=(values.get("phone"), values.get("mobile")),
        email=values.get("email"),
        vat=None if contact else values.get("vat"),
        kpp=None if contact else values.get("kpp"),
        city=values.get("city"),
        birthday=values.get("birthday"),
        person=client_type in PERSON_TYPES or not (client_type or values.get("is_company")),
        street=values.get("street"),
        zip_code=values.get("zip"),
        website=values.get("website"),
        parent_id=values.get("parent_id"),
        company_id=values.get("company_id"),
    )


def distinct_reasons(reasons):
    """The reasons without repeats, in order, as [code, value] lists (JSON-friendly)."""
    seen, distinct = set(), []
    for code, value in reasons:
        if (code, value) not in seen:
            seen.add((code, value))
            distinct.append([code, value])
    return distinct
