"""The client base generator of the benchmarks and the demo (bench/generator.py): pure Python."""

import json
import sys
from collections import Counter, defaultdict
from datetime import date
from math import comb
from pathlib import Path

import phonenumbers
import pytest
from stdnum.ru import inn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import generator

SIZE = 5000
IDENTITY_FIELDS = ("name", "phone", "mobile", "email", "vat")


@pytest.fixture(scope="module")
def records():
    return generator.generate(SIZE, seed=0)


@pytest.fixture(scope="module")
def clusters(records):
    groups = defaultdict(list)
    for record in records:
        groups[record["cluster"]].append(record)
    return groups


def top_level(records):
    return [r for r in records if r["parent_ref"] is None]


def phones(record):
    return [record[k] for k in ("phone", "mobile") if record[k]]


def test_deterministic_for_a_seed_and_different_across_seeds():
    first = generator.generate(1500, seed=7)
    assert first == generator.generate(1500, seed=7)
    other = generator.generate(1500, seed=8)
    assert [r["name"] for r in first] != [r["name"] for r in other]
    assert {r["vat"] for r in first if r["vat"]} != {r["vat"] for r in other if r["vat"]}


@pytest.mark.parametrize("size", [0, 1, 10, 737, 2000])
def test_size_counts_top_level_clients(size):
    records = generator.generate(size, seed=3)
    assert len(top_level(records)) == size
    without = generator.generate(size, seed=3, with_contacts=False)
    assert len(without) == size
    # Contacts come from a random stream of their own: the clients do not depend on them.
    assert without == top_level(records)


def test_records_are_well_formed(records):
    refs = [r["ref"] for r in records]
    assert len(set(refs)) == len(refs)
    seen = set()
    for record in records:
        assert tuple(record) == generator.KEYS
        assert record["kind"] in generator.KINDS
        assert record["client_type"] in ("company", "individual_entrepreneur", "private_person")
        assert record["name"] and record["name"].strip()
        if record["parent_ref"] is None:
            assert record["kind"] != "contact" and record["function"] is None
        else:
            # A contact right after its parent (or its parent's previous contacts).
            assert record["kind"] == "contact" and record["parent_ref"] in seen
            assert record["ref"].startswith(record["parent_ref"] + "-C")
            assert record["function"] and not record["is_company"]
            assert record["client_type"] == "private_person"
        assert record["is_company"] == (record["client_type"] != "private_person")
        if record["birthday"]:
            date.fromisoformat(record["birthday"])
        seen.add(record["ref"])
    kinds = Counter(r["kind"] for r in records)
    assert set(kinds) == set(generator.KINDS)


def test_legal_identifiers_are_valid(records):
    checked = Counter()
    for record in records:
        vat, kpp, ogrn = record["vat"], record["kpp"], record["ogrn"]
        if vat:
            assert inn.is_valid(vat), record
            assert record["country_code"] == "RU"
            expected = 10 if record["client_type"] == "company" else 12
            assert len(vat) == expected, record
            checked["inn"] += 1
        if kpp:
            assert len(kpp) == 9 and kpp.isdigit(), record
            assert record["client_type"] == "company" and vat
            checked["kpp"] += 1
        elif record["client_type"] != "company":
            assert kpp is None
        if ogrn:
            assert ogrn.isdigit()
            if record["client_type"] == "company":
                assert len(ogrn) == 13 and int(ogrn[:12]) % 11 % 10 == int(ogrn[12]), record
                checked["ogrn"] += 1
            else:
                assert record["client_type"] == "individual_entrepreneur"
                assert len(ogrn) == 15 and int(ogrn[:14]) % 13 % 10 == int(ogrn[14]), record
                checked["ogrnip"] += 1
    assert min(checked.values()) > 100 and len(checked) == 4, checked


def test_phones_normalize_and_parse(records):
    total = valid = 0
    formats = set()
    for record in records:
        for phone in phones(record):
            digits = generator.normalized_digits(phone)
            if record["country_code"] == "RU":
                assert len(digits) == 11 and digits[0] == "7", phone
                formats.add("".join("9" if ch.isdigit() else ch for ch in phone))
            total += 1
            try:
                number = phonenumbers.parse(phone, record["country_code"])
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                valid += 1
                assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == "+" + digits
    assert total > SIZE
    # Every number is valid: the client base refuses invalid ones, and the benchmarks load this.
    assert valid == total, (valid, total)
    # Real-world variety: +7 495 ..., 8 (495) ..., 8495..., +7(916)..., 7 916 ... and more.
    assert len(formats) >= 10, formats
    countries = {r["country_code"] for r in records if phones(r)}
    assert {"RU", "KZ", "BY", "DE", "GB", "US"} <= countries


def test_normalized_digits():
    assert generator.normalized_digits("8 (495) 123-45-67") == "74951234567"
    assert generator.normalized_digits("+7(916)1234567") == "79161234567"
    assert generator.normalized_digits("84951234567") == "74951234567"
    assert generator.normalized_digits("+49 (0)30 1234567") == "49301234567"
    assert generator.normalized_digits("+44 20 7946 0958") == "442079460958"
    assert generator.normalized_digits(None) == ""


def test_duplicates_share_the_cluster_of_their_original_and_differ(records, clusters):
    duplicates = [r for r in records if r["kind"] == "duplicate"]
    assert duplicates
    changed = Counter()
    for dup in duplicates:
        members = clusters[dup["cluster"]]
        originals = [r for r in members if r["kind"] == "original"]
        assert len(originals) == 1, members
        assert {r["kind"] for r in members} <= {"original", "duplicate"}
        original = originals[0]
        assert dup["parent_ref"] is None and dup["client_type"] == original["client_type"]
        differing = [k for k in IDENTITY_FIELDS if dup[k] != original[k]]
        assert differing, (dup, original)
        changed.update(differing)
        # Same client: the same numbers (in any format), the same INN when there is one; or
        # typed in again from a new business card: new numbers, no INN, the address (or a
        # person's birthday) kept.
        original_numbers = {generator.normalized_digits(p) for p in phones(original)}
        numbers = {generator.normalized_digits(p) for p in phones(dup)}
        assert dup["vat"] in (None, original["vat"])
        email = (dup["email"] or "").replace(" ", "").lower()
        same_email = (
            not email or email == original["email"].lower() or email.split("@")[1] == original["email"].split("@")[1]
        )
        if not (numbers <= original_numbers and same_email):
            assert not numbers & original_numbers and dup["vat"] is None, (dup, original)
            assert dup["street"] or dup["birthday"] and original["client_type"] != "company", (dup, original)
            changed["new numbers"] += 1
        if not dup["city"]:
            changed["city left out"] += 1
    # All kinds of dirt occur.
    assert set(changed) == {*IDENTITY_FIELDS, "new numbers", "city left out"}, changed
    sizes = Counter(sum(r["kind"] == "duplicate" for r in clusters[c]) for c in {d["cluster"] for d in duplicates})
    assert sizes[1] and sizes[2] and sizes[3], sizes


def test_duplicate_dirt_is_realistic(records, clusters):
    names = [
        (d["name"], next(r for r in clusters[d["cluster"]] if r["kind"] == "original")["name"])
        for d in records
        if d["kind"] == "duplicate"
    ]
    assert any(n.isascii() and not o.isascii() for n, o in names), "transliterated names"
    assert any(n.endswith(" ООО") for n, _ in names), "legal form moved"
    assert any("Общество с ограниченной ответственностью" in n and o.startswith("ООО") for n, o in names)
    assert any(n == o.upper() for n, o in names), "upper case"
    assert any("  " in n or n != n.strip() for n, _ in names), "extra spaces"
    assert any("ё" in o and "ё" not in n and not n.isascii() for n, o in names), "ё/е"
    assert any('"' in n and "«" in o for n, o in names), "quotes changed"


def test_hard_negatives_have_clusters_of_their_own(records, clusters):
    hard = [r for r in records if r["kind"] == "hard_negative"]
    assert hard
    for record in hard:
        assert clusters[record["cluster"]] == [record]
    originals = [r for r in records if r["kind"] == "original"]
    names = Counter(r["name"] for r in originals)
    # Many of them carry the exact name of an original (namesakes, branches).
    assert sum(names[r["name"]] > 0 for r in hard) > len(hard) * 0.3
    for record in records:
        if record["kind"] == "contact":
            assert clusters[record["cluster"]] == [record]


def test_branches_share_the_inn_but_not_the_kpp(records):
    by_inn = defaultdict(list)
    for record in records:
        if record["vat"]:
            by_inn[record["vat"]].append(record)
    branches = 0
    for group in by_inn.values():
        if len({r["cluster"] for r in group}) > 1:
            branches += 1
            companies = [r for r in group if r["client_type"] == "company"]
            assert len(companies) == len(group)
            # One KPP per cluster, a different one per subdivision.
            kpps = defaultdict(set)
            for record in companies:
                if record["kpp"]:
                    kpps[record["cluster"]].add(record["kpp"])
            all_kpps = [k for cluster_kpps in kpps.values() for k in cluster_kpps]
            assert len(all_kpps) == len(set(all_kpps)), group
            assert any(r["kind"] == "hard_negative" for r in group)
    assert branches >= 20


def test_namesake_people_differ_in_everything_but_the_name(records, clusters):
    originals = defaultdict(list)
    for record in records:
        if record["kind"] == "original" and record["client_type"] != "company":
            originals[record["name"]].append(record)
    namesakes = 0
    for record in records:
        if record["kind"] != "hard_negative" or record["client_type"] == "company":
            continue
        for original in originals.get(record["name"], ()):
            namesakes += 1
            assert not set(map(generator.normalized_digits, phones(record))) & set(
                map(generator.normalized_digits, phones(original))
            )
            assert record["email"] is None or record["email"] != original["email"]
            assert record["birthday"] is None or record["birthday"] != original["birthday"]
            assert record["vat"] is None or record["vat"] != original["vat"]
    assert namesakes >= 20


def test_duplicate_pairs(records, clusters):
    pairs = generator.duplicate_pairs(records)
    expected = sum(comb(len(members), 2) for members in clusters.values())
    assert len(pairs) == expected > 0
    cluster_of = {r["ref"]: r["cluster"] for r in records}
    for a, b in pairs:
        assert a < b and cluster_of[a] == cluster_of[b]
    assert generator.duplicate_pairs(generator.generate(300, seed=1, duplicate_rate=0)) == set()


def test_rates_roughly_respected(records):
    kinds = Counter(r["kind"] for r in records)
    assert abs(kinds["duplicate"] - 0.08 * SIZE) <= 0.01 * SIZE
    assert abs(kinds["hard_negative"] - 0.04 * SIZE) <= 0.01 * SIZE
    assert 0.4 * SIZE <= kinds["contact"] <= 1.2 * SIZE
    tops = top_level(records)
    russian = sum(r["country_code"] == "RU" for r in tops)
    assert 0.75 * SIZE <= russian <= 0.85 * SIZE
    other = generator.generate(SIZE, seed=0, duplicate_rate=0.2, hard_negative_rate=0.1)
    kinds = Counter(r["kind"] for r in other)
    assert abs(kinds["duplicate"] - 0.2 * SIZE) <= 0.01 * SIZE
    assert abs(kinds["hard_negative"] - 0.1 * SIZE) <= 0.01 * SIZE


def test_content_is_realistic(records):
    tops = top_level(records)
    names = [r["name"] for r in tops if r["kind"] == "original"]
    assert any(n.startswith("ООО «") for n in names)
    assert any(n.startswith("Общество с ограниченной ответственностью") for n in names)
    assert any(n.startswith("ИП ") for n in names)
    assert any(n.endswith(("GmbH", "Ltd", "LLC", "Inc.")) for n in names)
    # Russian women: feminine surname and patronymic (Иванова Мария Петровна).
    women = 0
    for record in records:
        words = record["name"].split()
        if record["kind"] == "duplicate" or record["client_type"] != "private_person":
            continue  # a typo in a duplicate may well drop the final letter of Иванова
        if len(words) == 3 and words[2].endswith(("вна", "чна")):
            women += 1
            assert not words[0].endswith(("ов", "ев", "ёв", "ин", "ский")), record["name"]
    assert women > 100
    assert any(r["birthday"] and r["birthday"].endswith("-02-29") for r in records)
    functions = Counter(r["function"] for r in records if r["kind"] == "contact")
    assert functions["Главный бухгалтер"] and functions["Менеджер по закупкам"]
    emails = [r["email"] for r in tops if r["email"] and r["kind"] == "original"]
    assert all("@" in e and e.isascii() and " " not in e for e in emails)
    assert any(e.endswith("@mail.ru") for e in emails) and any(e.endswith("@yandex.ru") for e in emails)
    assert len(set(emails)) == len(emails)
    assert any(r["website"] for r in tops)
    moscow = [r for r in tops if r["city"] == "Москва" and r["phone"] and r["kind"] == "original"]
    codes = Counter(generator.normalized_digits(r["phone"])[1:4] for r in moscow)
    assert codes["495"] and codes["499"]


def test_command_line(tmp_path, capsys):
    out = tmp_path / "clients.jsonl"
    assert generator.main(["--size", "200", "--seed", "1", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == generator.generate(200, seed=1)
    summary = capsys.readouterr().out
    assert len(summary.strip().splitlines()) == 1
    kinds = Counter(json.loads(line)["kind"] for line in lines)
    for kind in generator.KINDS:
        assert f"{kind}={kinds[kind]}" in summary
