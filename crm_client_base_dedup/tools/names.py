# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How two names of people agree, word by word (the words: keys.person_words), in plain Python:
initials, word order, omitted words, everyday forms of given names, typos."""

from rapidfuzz import fuzz

from .keys import same_given_name, skeleton, two_given_names

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
# A word this alike to two words of the other name joined is those two typed without a space.
GLUED_RATIO = 90
# What a word made of another and these starts is: a patronymic (Ерлан, Ерлановна), a surname
# (Иван, Иванов), a surname's feminine form, not two words.
_ENDINGS = ("ov", "ev", "ich", "in", "yn", "sk")


def _words_alike(a, b):
    """How alike two full words are (0 when not alike enough): the best of their skeletons and
    their Latin letters."""
    ratio = max(fuzz.ratio(a[0], b[0]), fuzz.ratio(a[1], b[1]))
    if ratio < 85 and same_given_name(a[0], b[0]):
        # Two forms of one given name: Саша and Александр.
        return 90
    if two_given_names(a[0], b[0]):
        return 0
    if ratio >= 85 or (ratio >= WORD_RATIO and (a[1][0] == b[1][0] or min(len(a[1]), len(b[1])) >= 6)):
        return ratio
    return 0


def _stands_for(initial, word):
    """Whether an initial stands for a word (or is the same initial)."""
    if word[2]:
        return initial[1] == word[1] or initial[0] == word[0]
    return word[1].startswith(initial[1]) or word[0].startswith(initial[0])


def _two_joined(latin, full):
    """Two words of ``full`` that ``latin`` is written of, typo aside ("orlovairina")."""
    return next(
        ((x, y) for x in full for y in full if x is not y and fuzz.ratio(latin, x[1] + y[1]) >= GLUED_RATIO),
        None,
    )


def _one_and_rest(latin, full):
    """A word of ``full`` that ``latin`` starts or ends with, and the rest as a word of its own
    ("kuznecovaolga": kuznecova, olga); none when the rest is an ending ("erlan" + "ovna")."""
    for other in full:
        if latin.startswith(other[1]):
            rest = latin.removeprefix(other[1])
            if len(rest) >= 4 and not rest.startswith(_ENDINGS):
                return other, (skeleton(rest), rest, False)
        elif latin.endswith(other[1]):
            rest = latin.removesuffix(other[1])
            if len(rest) >= 4:
                return (skeleton(rest), rest, False), other
    return None


def _unglued(words, others):
    """``words`` with a word that is two words typed without the space between them read as
    two, told by the words of ``others``: two of them joined ("ОРЛОВАИРИНА Евгеньевна" against
    "Орлова Ирина Евгеньевна"), or one of them and the rest ("КУЗНЕЦОВАОЛЬГА" against
    "Кузнецова Татьяна": "Ольга" is then a word of its own, and contradicts). A word with a
    typo of a word of ``others``, or made of one of them as a patronymic or a surname is
    ("Ерлановна", "Иванова"), is left whole."""
    full = [word for word in others if not word[2] and len(word[1]) >= 5]
    result = []
    for word in words:
        latin = word[1]
        if (
            word[2]
            or len(latin) < 8
            or any(max(fuzz.ratio(latin, o[1]), fuzz.ratio(word[0], o[0])) >= 90 for o in full)
        ):
            result.append(word)
            continue
        parts = _two_joined(latin, full) or _one_and_rest(latin, full)
        result.extend(parts or (word,))
    return result


def person_names(a, b):
    """How two persons' names (keys.person_words) agree, word by word, in any order: ("same",
    similarity 0..1) when every word of one stands for a word of the other or is missing from
    it (an initial for the word it starts, "В.Б. Хохлов" ~ "Хохлов Василий Борисович"; "Василий
    Хохлов" ~ the same with the patronymic), ("conflict", 0) when both names have a word the
    other contradicts ("Козлов В.Г." and "Козлов Виктор Петрович", "Иванов Пётр" and "Иванова
    Мария"), or (None, 0) when there is too little to tell (initials only)."""
    a, b = _unglued(a, b), _unglued(b, a)
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


def person_similarity(a, b, whole):
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
