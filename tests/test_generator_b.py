# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The second labeled client base (bench/generator_b.py): interface, valid data, true labels, patterns."""

import itertools
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import phonenumbers
import pytest
from stdnum.by import unp
from stdnum.cn import uscc
from stdnum.de import vat as de_vat
from stdnum.ru import inn
from stdnum.us import ein

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import generator_b

SIZE = 20_000
ROLE_BOXES = set("office info buh zakaz sales mail priemnaya snab secretary opt manager director legal hr".split())
INITIALS = re.compile(r"(^|\s)[А-ЯЁ]\.\s?[А-ЯЁ]\.?(\s|$)|\s[А-ЯЁ]{2}$")
PATRONYMIC = re.compile(r"(вич|вна|ична|ьич)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def base():
    return generator_b.generate(SIZE, seed=0)


@pytest.fixture(scope="module")
def tops(base):
    return [r for r in base if r["parent_ref"] is None]


@pytest.fixture(scope="module")
def numbers(base):
    """ref -> (country code, national number, valid?) of its phones, parsed as the importer does."""
    out = defaultdict(set)
    for r in base:
        for value in (r["phone"], r["mobile"]):
            if clean(value):
                n = phonenumbers.parse(value, r["country_code"])
                out[r["ref"]].add((n.country_code, n.national_number, phonenumbers.is_valid_number(n)))
    return out


def cross_pairs(records, keys):
    """Pairs of records of different clusters sharing one of their keys (each pair once)."""
    groups, pairs = defaultdict(dict), {}
    for r in records:
        for k in filter(None, keys(r)):
            groups[k][r["ref"]] = r
    for group in groups.values():
        for a, b in itertools.combinations(group.values(), 2):
            if a["cluster"] != b["cluster"]:
                pairs[a["ref"], b["ref"]] = a, b
    return list(pairs.values())


def clean(value):
    value = (value or "").strip().lower()
    return value if value not in generator_b.PLACEHOLDERS else ""


def name_words(r):  # words of a name that can be a surname or a given name, feminine endings folded
    words = re.sub(r"\b(ип|и\.п\.|индивидуальный|предприниматель)\b|\(ип\)", " ", r["name"].lower()).split()
    return {w.replace("ё", "е").rstrip("а") for w in words if len(w) > 2 and "." not in w}


def same_cluster_pairs(records):
    clusters = defaultdict(list)
    for r in records:
        clusters[r["cluster"]].append(r)
    return [pair for group in clusters.values() for pair in itertools.combinations(group, 2)]


def person(r):
    return r["client_type"] != "company"


def expect(found, minimums):
    """Each pattern of "pattern: minimum; ..." found at least that many times."""
    for item in minimums.split(";"):
        pattern, minimum = (part.strip() for part in item.rsplit(":", 1))
        assert found[pattern] >= int(minimum), (pattern, found)


def test_deterministic_sized_and_the_same_clients_without_contacts():
    first = generator_b.generate(3000, seed=5)
    assert first == generator_b.generate(3000, seed=5)
    assert first != generator_b.generate(3000, seed=6)
    assert [r for r in first if r["parent_ref"] is None] == generator_b.generate(3000, seed=5, with_contacts=False)
    for size in (1, 2, 7, 333):  # size counts the top-level records
        assert sum(r["parent_ref"] is None for r in generator_b.generate(size, seed=size)) == size


def test_keys_refs_and_contacts(base, tops):
    assert all(tuple(r) == generator_b.KEYS for r in base) and generator_b.REF_PREFIX == "GENB" and len(tops) == SIZE
    refs = [r["ref"] for r in base]
    assert len(set(refs)) == len(refs) and all(re.fullmatch(r"GENB-\d+", ref) for ref in refs)
    seen, contacts = {}, defaultdict(set)
    for r in base:
        if r["parent_ref"] is not None:
            parent = seen[r["parent_ref"]]  # KeyError: a contact before its company
            assert parent["is_company"] and parent["parent_ref"] is None and parent["client_type"] == "company"
            assert r["kind"] == "contact" and r["client_type"] is None and r["function"] and not r["is_company"]
            contacts[r["parent_ref"]].add(r["cluster"])
        else:
            assert r["client_type"] in ("company", "individual_entrepreneur", "private_person")
            assert r["kind"] in ("original", "duplicate", "hard_negative") and r["function"] is None
        seen[r["ref"]] = r
    assert max(len(people) for people in contacts.values()) <= 3
    assert len(base) - len(tops) > SIZE * 0.15, "key contacts under a good share of the companies"


def kz_valid(number):
    """KZ BIN / IIN: weights 1..11, else 3..11,1,2, modulo 11."""
    digits = [int(x) for x in number]
    for weights in (range(1, 12), (*range(3, 12), 1, 2)):
        check = sum(w * x for w, x in zip(weights, digits[:11], strict=True)) % 11
        if check < 10:
            return len(digits) == 12 and check == digits[11]


def test_identifiers_have_valid_check_digits(base):
    checks = {"RU": inn.is_valid, "BY": unp.is_valid, "DE": de_vat.is_valid, "CN": uscc.is_valid, "US": ein.is_valid}
    checks["KZ"] = kz_valid
    counted = Counter()
    for r in (r for r in base if r["vat"]):
        assert checks[r["country_code"]](r["vat"]), r
        counted[r["country_code"]] += 1
        if r["country_code"] == "RU":
            assert len(r["vat"]) == (10 if r["client_type"] == "company" else 12), r
    for r in (r for r in base if r["kpp"]):
        assert re.fullmatch(r"\d{4}[\dA-Z]{2}\d{3}", r["kpp"]) and r["client_type"] == "company", r
    for r in (r for r in base if r["ogrn"]):
        assert len(r["ogrn"]) == (13 if r["client_type"] == "company" else 15), r
        assert int(r["ogrn"][:-1]) % {13: 11, 15: 13}[len(r["ogrn"])] % 10 == int(r["ogrn"][-1]), r
    assert counted["RU"] > SIZE * 0.4 and all(counted[country] for country in checks)


def test_phones_are_valid_numbers_in_many_formats(base, numbers):
    invalid = [(ref, n) for ref, found in numbers.items() for n in found if not n[2]]
    assert not invalid, invalid[:10]
    values = [r[f] for r in base for f in ("phone", "mobile") if r[f]]
    shapes = Counter(re.sub(r"\d", "9", v.strip().split(" доб")[0]) for v in values)
    assert len(shapes) > 40
    for needle in ("8 (9", "+7 (495)", "+7 (812)", "доб.", "+375", "(383)", "8-9"):
        assert any(needle in v for v in values), needle
    assert any(v.strip() in generator_b.PLACEHOLDERS for v in values), "dirt: 'нет' typed into a phone field"


def test_rates_and_kinds(base, tops):
    kinds = Counter(r["kind"] for r in tops)
    assert 0.07 < kinds["duplicate"] / SIZE < 0.14
    assert 0.03 < kinds["hard_negative"] / SIZE < 0.08
    clusters = defaultdict(list)
    for r in tops:
        clusters[r["cluster"]].append(r["kind"])
    entered_again = [k for k in clusters.values() if len(k) > 1]
    assert 0.07 < len(entered_again) / (kinds["original"]) < 0.11
    assert all(k[0] == "original" and set(k[1:]) == {"duplicate"} and len(k) <= 4 for k in entered_again)
    assert sum(len(k) == 2 for k in entered_again) > 0.6 * len(entered_again), "mostly one extra copy"
    countries = Counter(r["country_code"] for r in base)
    assert countries["RU"] / len(base) > 0.85 and len(countries) >= 6


def test_duplicate_pairs_are_the_clusters(base):
    """Every unordered pair of refs in one cluster, sorted, and no other."""
    pairs, cluster = generator_b.duplicate_pairs(base), {r["ref"]: r["cluster"] for r in base}
    assert all(a < b and cluster[a] == cluster[b] for a, b in pairs)
    assert len(pairs) == sum(n * (n - 1) // 2 for n in Counter(cluster.values()).values())


def test_labels_are_true(base, numbers):
    """One cluster never disagrees on INN or birthday; whatever is shared across clusters is shared on purpose."""
    for a, b in same_cluster_pairs(base):
        assert not (a["birthday"] and b["birthday"] and a["birthday"] != b["birthday"]), (a, b)
        if a["client_type"] == b["client_type"]:
            assert not (a["vat"] and b["vat"] and a["vat"] != b["vat"]), (a, b)
    for a, b in cross_pairs(base, lambda r: [r["vat"] if r["client_type"] == "company" else None]):
        assert "hard_negative" in (a["kind"], b["kind"]) and a["kpp"] != b["kpp"], (a, b)  # branches only
    for keys in (lambda r: numbers[r["ref"]], lambda r: [clean(r["email"])]):
        for a, b in cross_pairs(base, keys):
            assert {"hard_negative", "contact"} & {a["kind"], b["kind"]}, (a, b)


def test_duplicate_patterns(tops, numbers):
    found = Counter()
    for a, b in same_cluster_pairs(tops):
        names = (a["name"].strip(), b["name"].strip())
        if person(a) and person(b):
            ini = [bool(INITIALS.search(n)) for n in names]
            full = [bool(PATRONYMIC.search(n)) for n in names]
            found["initials vs full"] += (ini[0] and not ini[1] and full[1]) or (ini[1] and not ini[0] and full[0])
            lat = [bool(re.search("[A-Za-z]{3}", n)) for n in names]
            found["latin vs cyrillic"] += lat[0] != lat[1]
            words = [set(n.lower().split()) for n in names]
            found["ё vs е"] += any(w.replace("ё", "е") in words[1 - i] for i in (0, 1) for w in words[i] if "ё" in w)
            types = {a["client_type"], b["client_type"]}
            found["entrepreneur vs private"] += types == {"individual_entrepreneur", "private_person"}
        if a["client_type"] == b["client_type"] == "company" and bool(a["vat"]) != bool(b["vat"]):
            found["company with and without INN"] += 1
        phones_a, phones_b = numbers[a["ref"]], numbers[b["ref"]]
        mails = clean(a["email"]), clean(b["email"])
        shared = (a["vat"] and a["vat"] == b["vat"]) or (mails[0] and mails[0] == mails[1]) or phones_a & phones_b
        found["no shared identifier"] += not shared
        found["other phone"] += bool(phones_a and phones_b and not phones_a & phones_b)
    names = [r["name"] for r in tops]
    found["form after"] = sum(bool(re.search(r"(,|\s|\()(ООО|АО|ЗАО|ПАО)\)?\s*$", n)) for n in names)
    found["form in full"] = sum("ограниченной ответственностью" in n.lower() for n in names)
    found["latin form"] = sum(bool(re.match(r"\s*(OOO|AO|ZAO|LLC|JSC)\s", n)) for n in names)
    found["ИП after"] = sum(bool(re.search(r"\s(ИП|\(ИП\))\s*$", n)) for n in names)
    found["ИП in full"] = sum(n.strip().lower().startswith("индивидуальный предприниматель") for n in names)
    short = re.compile(r"\s*(ООО|АО|ЗАО)\s+[«\"]?[А-Я]{1,3}(-\d+)?[»\"]?\s*")  # ООО «А», АО «ТК», ООО «СК-1»
    found["very short company name"] = sum(bool(short.fullmatch(n)) for n in names)
    found["caps"] = sum(n.isupper() for n in names)
    expect(
        found,
        "initials vs full: 150; latin vs cyrillic: 40; ё vs е: 15; entrepreneur vs private: 25; "
        "company with and without INN: 200; no shared identifier: 200; other phone: 150; form after: 300; "
        "form in full: 300; latin form: 50; ИП after: 100; ИП in full: 100; very short company name: 150; caps: 200",
    )
    assert found["no shared identifier"] < 0.5 * len(same_cluster_pairs(tops))


def test_hard_negative_patterns(base, tops, numbers):
    found = Counter()
    switchboard = (bool(numbers[r["ref"]] & numbers[r["parent_ref"]]) for r in base if r["parent_ref"])
    found["contact on the company's switchboard"] = sum(switchboard)
    people = [r for r in base if person(r)]
    for a, b in cross_pairs(people, lambda r: numbers[r["ref"]]):
        if not name_words(a) & name_words(b):
            found["shared phone, other names"] += 1
        elif INITIALS.search(a["name"]) or INITIALS.search(b["name"]):
            found["shared phone, same surname, initials"] += 1
        else:
            found["shared phone, same surname"] += 1  # families
    for a, b in cross_pairs(people, lambda r: [clean(r["email"])]):
        found["shared mailbox, other names"] += not name_words(a) & name_words(b)
        found["shared office@-like mailbox"] += clean(a["email"]).split("@")[0] in ROLE_BOXES
    namesakes = cross_pairs([r for r in tops if person(r)], lambda r: [(r["name"].strip().lower(), r["city"])])
    found["namesakes in one city"] = len(namesakes)
    companies = [r for r in tops if r["client_type"] == "company"]
    for a, b in cross_pairs(companies, lambda r: [(r["name"].strip(), r["city"])]):
        found["same company name, same city"] += bool(a["vat"] and b["vat"] and a["vat"] != b["vat"])
    for a, b in cross_pairs(companies, lambda r: [r["vat"]]):
        found["branch"] += a["kpp"] != b["kpp"] and a["city"] != b["city"]
    sites = cross_pairs(companies, lambda r: [re.sub(r"^(https?://)?(www\.)?|/$", "", clean(r["website"]))])
    found["holding website"] = len(sites)
    expect(
        found,
        "shared phone, other names: 300; shared phone, same surname, initials: 60; shared phone, same surname: 40; "
        "shared mailbox, other names: 150; shared office@-like mailbox: 40; namesakes in one city: 35; "
        "same company name, same city: 30; branch: 20; holding website: 10; contact on the company's switchboard: 300",
    )
