# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pair scoring of the duplicate detector, in plain Python (the keys: keys.py).

Nothing here touches the database: the same functions compute the keys stored on partners, score
candidate pairs during a scan or a lookup, and run in the benchmark and in the unit tests.
"""

import re
from datetime import date
from itertools import combinations

from rapidfuzz import fuzz

from odoo.addons.crm_client_base.tools.legal_forms import ENTREPRENEUR_FORMS

from .keys import (
    address_key,
    city_key,
    email_key,
    person_words,
    phone_key,
    split_name,
    street_key,
    street_tokens,
    streets_agree,
    vat_key,
    website_key,
)
from .names import person_names, person_similarity

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"\D+")


class Profile:
    """What the scorer compares of one partner. The person words and the street are worked out
    from the name and the street the first time they are read: most pairs are settled before."""

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
        "ref",
        "kpp",
        "city",
        "street",
        "street_parts",
        "address",
        "zip",
        "website",
        "birthday",
        "parent_id",
        "company_id",
        "_name",
        "_street",
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
        ref=None,
    ):
        tokens, forms = split_name(name)
        self._set(
            pid,
            name,
            " ".join(sorted(tokens)),
            forms,
            frozenset(p for p in (phone_key(p) for p in phones) if p),
            email_key(email),
            vat_key(vat),
            city_key(city),
            person,
        )
        self.kpp = _DIGITS.sub("", kpp or "")
        self.birthday = _day(birthday)
        self._street = street
        self.zip = _NOT_ALNUM.sub("", (zip_code or "").lower())
        self.website = website_key(website)
        # False (a form's empty value) and None (a database's) are one: no parent.
        self.parent_id = None if parent_id is False else parent_id
        self.company_id = company_id
        self.ref = ref or ""

    def _set(self, pid, name, key, forms, phones, email, vat, city, person):
        self.id = pid
        self._name = name
        self.key = key
        self.tokens = key.split()
        self.forms = forms
        self.phones = phones
        self.email = email
        self.vat = vat
        self.city = city
        # A person's name is compared word by word: "Соколов Владимир" is not "Жуков Владимир".
        # A legal form says which it is: an entrepreneur's (ИП) is a person's, any other a firm's.
        self.person = bool(forms & ENTREPRENEUR_FORMS) or (bool(person) and not forms)

    def __getattr__(self, attribute):
        # Called for a slot not set yet: the parts worked out on first reading.
        if attribute == "words":
            value = person_words(self._name) if self.person else ()
        elif attribute == "street":
            value = street_key(self._street)
        elif attribute == "street_parts":
            value = street_tokens(self._street, self.city)
        elif attribute == "address":
            value = address_key(self._street, self.city)
        else:
            raise AttributeError(attribute)
        setattr(self, attribute, value)
        return value


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
        return person_similarity(a.tokens, b.tokens, best)
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
    if a.ref and b.ref and a.ref != b.ref:
        # Two numbers of the company's identifying property (a customer number): two clients.
        return 0, [("ref_conflict", None)]
    # The same number of it says one client as firmly as the same INN.
    same_ref = bool(a.ref) and a.ref == b.ref
    same_vat = bool(a.vat) and a.vat == b.vat
    if same_vat and a.kpp and b.kpp and a.kpp != b.kpp:
        # One legal entity, two branches.
        return 0, [("kpp_conflict", None)]
    if a.birthday and b.birthday and a.birthday != b.birthday:
        return 0, [("birthday_conflict", None)]
    shared_phones = a.phones & b.phones
    same_email = bool(a.email) and a.email == b.email
    phone_conflict = bool(a.phones and b.phones and not shared_phones)
    email_conflict = bool(a.email and b.email and not same_email)
    same_city = bool(a.city) and a.city == b.city
    identifiers = same_vat + bool(shared_phones) + same_email + same_ref
    sure = same_vat or same_ref
    support = names = None
    born_alike = False
    if not identifiers:
        # The cheap refusals of a pair with nothing identifying in common first (most pairs of a
        # scan): a name alone counts within a city, without another phone, mailbox or legal
        # form, and with something else in common, but for a firm name to review.
        if (a.city and b.city and not same_city) or (a.forms and b.forms and not a.forms & b.forms):
            return 0, reasons
        if a.person and b.person and a.parent_id == b.parent_id and a.birthday and a.birthday == b.birthday:
            # One person's two cards: the same name (or its initials, a word left out) born on
            # the same day. Other phones or mailboxes do not part them (a new number), nor a
            # city left out of one card (twins have two names, a namesake another birthday). A
            # contact's phones are its company's: contacts of two firms, or a contact and a
            # private client, stay two cards.
            names = person_names(a.words, b.words)
            born_alike = a.key == b.key or names[0] == "same"
        if not (same_city or born_alike):
            return 0, reasons
        support = _support(a, b)
        if (
            (phone_conflict or email_conflict)
            and not born_alike
            and (
                a.parent_id
                or b.parent_id
                or not any(item and item[0] == "same_street" for item in support)
                or (a.zip and b.zip and a.zip != b.zip)
            )
        ):
            # Other phones or mailboxes: two clients, unless at the same address, postcode
            # included (a client entered again with its new number). A contact's address is
            # its company's, shared by colleagues: it says nothing of the person.
            return 0, reasons
        if not support and (a.person or a.key != b.key):
            return 0, reasons
    if a.person != b.person and not sure and name_similarity(a, b, strict=False) < MIXED_NAME:
        # A firm and a person are two clients, whatever they share (the firm's switchboard or
        # mailbox on an employee's card), unless one name is the other's: a firm's card typed
        # as a person's ("РОМАШКА").
        return 0, reasons
    verdict = None
    if a.person and b.person:
        verdict, similarity = names or person_names(a.words, b.words)
        if verdict == "near":
            # A word with a typo, or another person: two identifiers, or one and the birthday,
            # say it is the same person (a family shares a phone, not a birthday as well).
            same_birthday = bool(a.birthday) and a.birthday == b.birthday
            evidence = bool(shared_phones) + same_email + same_vat + same_ref + same_birthday
            verdict = "same" if evidence >= 2 else "conflict"
        if verdict == "conflict" and not sure:
            # Two people: an office switchboard, a shared mailbox or a family phone.
            return 0, reasons
    if verdict != "same":
        similarity = name_similarity(a, b)

    if same_vat:
        reasons.append(("same_vat", a.vat))
    if same_ref:
        reasons.append(("same_ref", a.ref.partition(":")[2]))
    for phone in sorted(shared_phones):
        reasons.append(("same_phone", phone))
    if same_email:
        reasons.append(("same_email", a.email))
    if similarity >= 0.6:
        reasons.append(("similar_name", round(similarity, 2)))
    if a.birthday and a.birthday == b.birthday:
        reasons.append(("same_birthday", str(a.birthday)))

    if identifiers:
        if verdict != "same":
            # With an identifier in common, typos may go as far as a word order allows.
            similarity = max(similarity, name_similarity(a, b, strict=False))
        if similarity < 0.5 and not sure:
            # A shared switchboard or family phone, a shared mailbox: not enough on its own.
            return 0, reasons
        if same_vat and not (shared_phones or same_email or same_ref):
            # Same INN, but another city, other phones or mailboxes: a branch without its KPP.
            if a.city and b.city and not same_city:
                return 0, reasons
            if (phone_conflict or email_conflict) and (similarity < 0.9 or phone_conflict and email_conflict):
                return 0, reasons
        score = 70 + 10 * identifiers + int(20 * similarity)
        return min(score, 100), reasons
    # Nothing identifying in common: a near-identical name in the same city counts, unless
    # phones, mailboxes or legal forms (ООО «Амур» and ЧУП «Амур») tell two clients apart (see
    # above). Even then, the address, birthday or website must agree: same-name firms abound.
    if similarity < _name_bar(a, b, support):
        return 0, reasons
    if same_city:
        reasons.append(("same_city", a.city))
    if not support:
        # The same firm name in the same city, nothing else: for a person to look at.
        return (REVIEW_SCORE, reasons) if not a.person and a.key == b.key else (0, reasons)
    reasons.extend(reason for reason in support if reason)
    return int(40 + 30 * similarity + 5 * len(support)), reasons


def _name_bar(a, b, support):
    """How alike two names must be when nothing identifying is shared: near-identical for firms
    (firms of alike names share business centres); for people, a typo in a word ("Семён" and
    "Семнё") passes with the street or the birthday in common, a larger one with both."""
    if not (a.person and b.person and support):
        return 0.85
    return 0.75 if len(support) >= 2 else 0.8


def _support(a, b):
    """What two cards of one name in one city share besides it: the street, the website, the
    birthday (None: said among the reasons already), or the postcode where a street is missing
    (two streets that differ do not agree)."""
    support = []
    if a.street and (a.street == b.street or streets_agree(a.street_parts, b.street_parts)):
        support.append(("same_street", a.street))
    if a.website and a.website == b.website:
        support.append(("same_website", a.website))
    if a.birthday and a.birthday == b.birthday:
        support.append(None)
    if a.zip and a.zip == b.zip and not (a.street and b.street):
        support.append(("same_zip", a.zip))
    return support


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


def group_score(members, scored):
    """The score of a group of group_pairs: that of its weakest link, the lowest score on the
    best paths between its members (the pairs group_pairs joined it by, best first). Two copies
    of a client that each match the original firmly are one client, however little they share
    with each other."""
    edges = sorted(
        ((scored[pair][0], pair) for pair in combinations(sorted(members), 2) if pair in scored), reverse=True
    )
    parent = {member: member for member in members}

    def find(node):
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    weakest, joined = 100, 1
    for score, (a, b) in edges:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[root_b] = root_a
            weakest, joined = min(weakest, score), joined + 1
            if joined == len(members):
                break
    return weakest


class Identity:
    """What group_pairs compares of a profile (its tax ids and birthday), kept for the partners
    of a full scan's accepted pairs when their profiles are let go."""

    __slots__ = ("vat", "kpp", "birthday", "ref")

    def __init__(self, vat, kpp, birthday, ref=""):
        self.vat, self.kpp, self.birthday, self.ref = vat, kpp, birthday, ref

    @classmethod
    def of(cls, profile):
        return cls(profile.vat, profile.kpp, profile.birthday, profile.ref)


def _conflict(a, b):
    if a.vat and b.vat and a.vat != b.vat:
        return True
    if a.ref and b.ref and a.ref != b.ref:
        return True
    if a.vat and a.vat == b.vat and a.kpp and b.kpp and a.kpp != b.kpp:
        return True
    return bool(a.birthday and b.birthday and a.birthday != b.birthday)


PERSON_TYPES = ("individual_entrepreneur", "private_person")


def _day(value):
    """A birthday as a date, typed as an ISO string ("1956-02-13": an import, an RPC call) or
    read as a date: the two compare equal. None when empty or not a date."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return value or None


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
        ref=values.get("dedup_ref_key"),
    )


def profile_from_row(values):
    """A Profile from a partner's stored values and duplicate keys (the dedup_* columns, computed
    by the same functions on every write): the keys are not worked out again."""
    contact = bool(values.get("parent_id"))
    client_type = values.get("client_type")
    profile = Profile.__new__(Profile)
    profile._set(
        values["id"],
        values.get("name"),
        values.get("dedup_name_key") or "",
        split_name(values.get("name"))[1],
        frozenset(key for key in (values.get("dedup_phone_key"), values.get("dedup_mobile_key")) if key),
        values.get("dedup_email_key") or "",
        values.get("dedup_vat_key") or "",
        values.get("dedup_city_key") or "",
        client_type in PERSON_TYPES or not (client_type or values.get("is_company")),
    )
    profile.kpp = "" if contact else _DIGITS.sub("", values.get("kpp") or "")
    profile.birthday = values.get("birthday") or None
    profile._street = values.get("street")
    profile.address = values.get("dedup_address_key") or ""
    profile.zip = _NOT_ALNUM.sub("", (values.get("zip") or "").lower())
    profile.website = website_key(values.get("website"))
    profile.parent_id = values.get("parent_id") or None
    profile.company_id = values.get("company_id")
    profile.ref = values.get("dedup_ref_key") or ""
    return profile


def distinct_reasons(reasons):
    """The reasons without repeats, in order, as [code, value] lists (JSON-friendly)."""
    seen, distinct = set(), []
    for code, value in reasons:
        if (code, value) not in seen:
            seen.add((code, value))
            distinct.append([code, value])
    return distinct
