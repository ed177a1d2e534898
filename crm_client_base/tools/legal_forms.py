# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Legal forms of organisations, the single list the card, the duplicate detector and the
import read: written out in full (Russian), as short forms (Russian, and as their Latin
transliteration), and their usual English and foreign renderings. Each maps to one short code:
the Russian form and its English rendering are one form (ООО = LLC, АО = JSC)."""

import re

# Long forms, matched on the lower-cased Cyrillic text, and the code each stands for.
LONG_FORMS = {
    "общество с ограниченной ответственностью": "ooo",
    "общество с дополнительной ответственностью": "odo",
    "публичное акционерное общество": "pao",
    "непубличное акционерное общество": "ao",
    "закрытое акционерное общество": "zao",
    "открытое акционерное общество": "oao",
    "акционерное общество": "ao",
    "товарищество с ограниченной ответственностью": "too",
    "частное унитарное предприятие": "chup",
    "государственное унитарное предприятие": "gup",
    "муниципальное унитарное предприятие": "mup",
    "индивидуальный предприниматель": "ip",
    "автономная некоммерческая организация": "ano",
    "некоммерческая организация": "nko",
    "крестьянское фермерское хозяйство": "kfh",
}
# Typed with a space doubled or dropped between the words ("Товариществос ограниченной ..."),
# as they come from spreadsheets.
LONG_FORMS_RE = re.compile(
    "|".join(r"\s*".join(map(re.escape, form.split())) for form in sorted(LONG_FORMS, key=len, reverse=True))
)
# The code of each long form, by the form without its spaces (as LONG_FORMS_RE may find it).
_LONG_FORM_CODES = {form.replace(" ", ""): code for form, code in LONG_FORMS.items()}
_RUSSIAN_CODES = "ooo ao pao zao oao nao too chup odo ip kfh gup mup fgup ano nko"
# Short forms as whole tokens, in Latin letters without dots (OOO, LLC, L.L.C., GmbH,
# G.m.b.H.; ООО and ИП once transliterated), and the code each means.
SHORT_FORMS = {
    **{form: form for form in _RUSSIAN_CODES.split()},
    **{form: form for form in "plc lp gmbh ag kg ug ohg ek sa sarl srl sas bv nv spa ab oy as aps".split()},
    # An ООО's English name is an LLC or a Ltd ("Romashka Ltd."), a ТОО's (Kazakhstan) an LLP.
    "llc": "ooo",
    "ltd": "ooo",
    "limited": "ooo",
    "llp": "too",
    "inc": "inc",
    "incorporated": "inc",
    "corp": "corp",
    "corporation": "corp",
    "co": "co",
    "company": "co",
    "jsc": "ao",
    "pjsc": "pao",
    "cjsc": "zao",
    "ojsc": "oao",
    "pue": "chup",
    "alc": "odo",
    "ie": "ip",
    "ipbul": "ip",
}
# The Russian short forms as written in Cyrillic, to their code.
CYRILLIC_SHORT_FORMS = dict(
    zip(
        "ооо ао пао зао оао нао тоо чуп одо ип кфх гуп муп фгуп ано нко".split(),
        _RUSSIAN_CODES.split(),
        strict=True,
    )
)
# Forms under which a person trades in their own name: an individual entrepreneur, not a company.
ENTREPRENEUR_FORMS = frozenset({"ip", "kfh"})
_WORDS = re.compile(r"[^\w]+")
_SPACES = re.compile(r"\s+")


def long_form_code(match):
    """The code of a long form found by LONG_FORMS_RE, however its spaces were typed."""
    return _LONG_FORM_CODES[_SPACES.sub("", match.group(0))]


def forms_of(name):
    """The codes of the legal forms written in ``name`` (long or short, Cyrillic or Latin):
    ``ООО «Ромашка»`` -> {"ooo"}, ``Ромашка, LLC`` -> {"ooo"}, ``ИП Иванов И.И.`` -> {"ip"}."""
    text = (name or "").lower().replace("ё", "е")
    forms = set()

    def long_form(match):
        forms.add(long_form_code(match))
        return " "

    text = LONG_FORMS_RE.sub(long_form, text)
    for token in _WORDS.split(text.replace(".", "")):
        form = CYRILLIC_SHORT_FORMS.get(token) or SHORT_FORMS.get(token)
        if form:
            forms.add(form)
    return frozenset(forms)
