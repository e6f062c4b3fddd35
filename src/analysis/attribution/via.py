"""via: the intermediary through which a source's words reached the paper.

Input: the tokens of a clause around a cue and the document's mention resolver. Output:
the medium as the text writes it (``وكالة الأنباء السعودية``, ``عكاظ``, ``حسابه على
تويتر``) or "". The medium is given as written, not as the gazetteer names it: the text
may call one agency فرانس برس or الصحافة الفرنسية, and a reader checks the via against
the article.

Facts about Arabic news used here (each has a unit test on invented sentences in
``tests/test_attribution_stages.py``):

1. the medium a source spoke to is governed by the preposition ل, glued to the outlet's
   noun or to its quoted name: صرّح لوكالة الأنباء، قال لـ«عكاظ»، أكد لوسائل إعلام; after a
   title's adjective ل is "of" (المؤسس المشارك للموقع);
2. an interview or a statement is "to", "with" or "on" a medium, and may carry adjectives
   and a passive "held with him": في حديث خاص لـ«الصحيفة»، في حوار مع قناة X، في حديث إلى
   «X»، في مداخلة على قناة X، خلال مقابلة هاتفية عبر موقع X;
3. a statement, post or interview is "published", "made" or "broadcast" by or on a medium:
   في منشور لها على «المنصة»، بيان نشرته وكالة X، حوار أجرته X، مقابلة بثتها X، نُشر على موقعها;
4. a personal account or page is where one writes: عبر حسابه على تويتر، على صفحتها بفيسبوك،
   من خلال قناته في يوتيوب — an account with a possessive pronoun, or a social platform
   named after على/عبر/في, is never the content;
5. the medium can be named through a preposition: قال عبر قناة X، قال على قناة X (عبر before
   a medium is "through", not the verb عبّر);
6. verbs of telling take the medium as their object: أبلغ مصدر «الصحيفة» أن، أفاد «الصحيفة»
   مسؤول بأن;
7. the phrase of occasion may be fronted before its verb (وفي تصريحات لوسائل إعلام الخميس،
   أوضح المهندس …), stand between the verb and its content (وأضاف، خلال مقابلة …، أن؛ وأضاف
   وفقا لوكالة X، أن) or close the sentence after the content (قال «…»، في تصريحات لصحيفة X؛
   …، وذلك في حديثه لموقع X);
8. what stands between a verb and its medium is the subject's description, which may hold
   a short quoted name (كبير المهندسين لقسم «الجسور») or the formula of a source who
   declines to be named (رفض الكشف عن هويته، فضّل عدم ذكر اسمه): neither ends the scan;
   the medium's own name ends at a comma, a time word, a cue or that formula;
9. an according-to phrase naming an outlet beside another act of its sentence (…، وفقا
   لوكالة X; وبحسب وكالة X، قال Y; وفقا لما نقلت عنه «X») is that act's via, and نقلت صحيفة X
   عن Y (قوله): Y speaks, X passes it on (both where acts are built, :mod:`.clauses`);
10. not media: على حسب / حسب الموقع "depending on (the place)", عبر الشبكة (a network of
    another kind), a station or a screen unless it is spoken to.

When the medium is itself the source (ذكرت صحيفة X أن) it is the speaker, not the via.

Round 4 (tests in ``tests/test_attribution_via4.py``, found by counting missed vias over
unlabelled articles):

11. an according-to phrase's own source may have spoken to a medium, right after it or after
    its verb (بحسب ما قاله مسؤول لوكالة X؛ بحسب مصادر تحدثت لـ«X»), up to the first comma;
12. a quoted name right after حسب/بحسب/وفق carries the acts of its sentence (وبحسب «X»، فقد
    ذكر Y; وأوضحت الهيئة بحسب «X» أن) but alone is never made a media speaker;
13. a station or network with ل glued to its indefinite form is spoken to (قال لمحطة X);
14. ل + أحد/إحدى + a definite plural medium noun is an unnamed outlet of a named kind
    (في مقابلته لإحدى الإذاعات المحلية).
"""
from __future__ import annotations

from .countries import bare
from .mentions import NP_STOP_COMPLEMENT, Mention, Resolver, _subject_ends
from .quotes import QUOTE_FAMILY, QUOTE_RE
from .words import function_words as W, with_waw

__all__ = ["past_relative", "content_follows", "via_near_cue", "via_before_cue", "via_after_content", "via_as_object", "occasion_end", "medium_at",
           "medium_text", "speaker_medium", "via_of_according_source", "bare_place_noun", "is_medium_preposition", "TELLING_LEMMAS", "OPENING_MARKS",
           "PLATFORM_NOUNS"]

# Nouns of a channel one publishes through, with a possessive pronoun (normalised, no
# article): حساب "account", صفحة "page", موقع "site", منصة "platform", قناة "channel",
# مدونة "blog".
PLATFORM_NOUNS = W["platform_nouns"]
# Names of social platforms (normalised, without the article and a glued ب/ل/و).
PLATFORMS = W["platforms"]
_OPENING = {"«", "“", "„", '"', "‘"}
OPENING_MARKS = frozenset(_OPENING)  # marks that open a quoted name
# Nouns of an interview or a statement made to a medium (في حوار مع «الصحيفة»، في تصريح
# لقناة X، خلال مقابلة هاتفية عبر موقع X).
INTERVIEW_NOUNS = W["interview_nouns"]
# Nouns of a published text (في منشور لها على «المنصة»، في تغريدة على «تويتر»، عبر بيان
# نشرته وكالة X).
PUBLISHED_NOUNS = W["published_nouns"]
# Verbs of publishing or broadcasting whose subject or place is the medium (بيان نشرته
# وكالة X، نُشر على موقعها، بثّته قناة X، أوردته صحيفة X).
_PUBLISH_VERBS = W["publish_verbs"]
# Plural and other nouns of a medium that the gazetteer's role words do not list.
_EXTRA_MEDIA = W["extra_media"]
# Nouns of a medium only when it is spoken to (لشبكة X، في مقابلة مع محطة X): through عبر
# they are other networks (عبر الشبكة الوطنية للمدفوعات).
_ADDRESSED_MEDIA = W["addressed_media"]  # (a power or train station, a screen)
# Verbs whose subject is the medium that made or carried an interview or a statement
# (حوار أجرته «الصحيفة»، مقابلة بثتها قناة X، بيان نشرته وكالة X).
_CARRIER_VERBS = W["carrier_verbs"]
# The formula of a source who declines to be named (رفض الكشف عن هويته، فضّل عدم ذكر اسمه،
# طلب عدم نشر اسمه): part of the subject's description.
_DECLINE_VERBS = W["decline_verbs"]
_IDENTITY_WORDS = W["identity_words"]
# Time words that may close a medium's phrase (لوسائل إعلام محلية الخميس).
_TIME_WORDS = W["time_days"] | W["time_parts_of_day"] | W["time_closing_medium_extra"]


def medium_text(resolver: Resolver, toks: list[str], a: int, b: int) -> str:
    """The medium spanned by tokens ``a``–``b`` as the text writes it, without a glued or
    separate ل, quotation marks and a closing time word (لـ«عكاظ» → عكاظ)."""
    while b > a + 1 and toks[b - 1] in _TIME_WORDS:
        b -= 1
    if toks[a] == "ل":
        a += 1
    quoted = toks[a] in QUOTE_FAMILY  # a time word inside the marks is part of the name (لـ«عين اليوم»)
    for j in range(a + 1, b):
        if toks[j] in QUOTE_FAMILY:
            quoted = not quoted
            continue
        w = toks[j][1:] if len(toks[j]) > 3 and toks[j][0] in "وف" else toks[j]
        if toks[j] in ("،", ",", ":", "؛") or toks[j] in _DECLINE_VERBS or w in resolver.gz.cues.verbs or w in resolver.gz.cues.participles or \
                (toks[j] in _TIME_WORDS and j > a + 1 and not quoted):
            b = j  # لوكالة X طالبا عدم كشف اسمه: the medium ends before the formula
            break
    text = " ".join(QUOTE_RE.sub(" ", resolver.text(toks, a, b)).split()).lstrip("ـ")
    if _glued_li(resolver, toks[a]) and text[:1] == "ل":
        text = "ال" + text[2:] if toks[a].startswith("لل") else text[1:]
    if text.count("(") != text.count(")"):  # a bracket cut off by the span: (فيس بوك
        text = " ".join(text.replace("(", " ").replace(")", " ").split())
    return text


def _glued_li(resolver: Resolver, tok: str) -> bool:
    """Whether ``tok`` is a medium's noun or name with the preposition ل glued to it
    (لوكالة، للصحيفة، لرويترز; not a name that begins with ل)."""
    if len(tok) <= 3 or tok[0] != "ل":
        return False
    head = "ال" + tok[2:] if tok.startswith("لل") else tok[1:]
    if _media_word(resolver, head) or bare(head) in _ADDRESSED_MEDIA:
        return True
    firsts = resolver.gz.alias_firsts
    return tok not in firsts and (tok[1:] in firsts or head in firsts)


def _quoted_name(resolver: Resolver, toks: list[str], k: int, stop: int) -> tuple[str, int] | None:
    """A quoted name starting at token ``k`` (an opening mark): (text, end)."""
    e = _quote_close(toks, k, stop)
    if e is None:
        return None
    return resolver.text(toks, k + 1, e), e + 1


def _quote_close(toks: list[str], k: int, stop: int, longest: int = 6) -> int | None:
    """The token of the mark closing a short quotation opened at ``k``, or None."""
    if k >= stop or toks[k] not in _OPENING:
        return None
    e = k + 1
    while e < stop and e - k <= longest and toks[e] not in QUOTE_FAMILY:
        e += 1
    if e >= stop or e == k + 1 or toks[e] not in QUOTE_FAMILY:
        return None
    return e


def _forms(nouns: set) -> frozenset:
    """Every written form of ``nouns`` (with و، ف، ب and the
    article), for a set look-up on the hot path."""
    out = set()
    for n in nouns:
        for art in ("", "ال"):
            for pre in ("", "و", "ف", "ب"):
                out.add(pre + art + n)
    return frozenset(out)


_PUBLISHED_FORMS = _forms(PUBLISHED_NOUNS)
_INTERVIEW_FORMS = _forms(INTERVIEW_NOUNS)
_OCCASION_FORMS = _PUBLISHED_FORMS | _INTERVIEW_FORMS


def _published(tok: str) -> bool:
    return tok in _PUBLISHED_FORMS


def _interview(tok: str) -> bool:
    return tok in _INTERVIEW_FORMS


def _occasion_noun(tok: str) -> bool:
    return tok in _OCCASION_FORMS


occasion_noun = _occasion_noun  # (public: a noun of an interview or a published text)


def _media_word(resolver: Resolver, tok: str) -> bool:
    """Whether ``tok`` (without a glued ل or the article) is a noun of a medium."""
    return resolver.role_of(tok) == "media" or bare(tok) in _EXTRA_MEDIA or tok in _EXTRA_MEDIA


def _platform(tok: str) -> bool:
    t = tok
    if len(t) > 3 and t[0] in "بلو":
        t = t[1:]
    return t in PLATFORMS or bare(t) in PLATFORMS


def _named_medium(resolver: Resolver, toks: list[str], k: int, stop: int, *,
                  addressed: bool = False) -> tuple[str, int] | None:
    """A medium starting at token ``k``, with or without a glued or separate ل: a quoted
    name (« الصحيفة »، لـ«عكاظ»), a media mention (قناة الجزيرة، لوكالة الأنباء الألمانية،
    رويترز) or a social platform (تويتر): (text as written, end)."""
    if k >= stop:
        return None
    t = toks[k]
    if t == "ل":
        if _quote_close(toks, k + 1, stop) is not None:
            e = _quote_close(toks, k + 1, stop)
            return medium_text(resolver, toks, k, e + 1), e + 1
        e = _marked_after_li(resolver, toks, k, stop)
        if e is not None:
            if toks[k + 1] in QUOTE_FAMILY:
                return medium_text(resolver, toks, k, e), e
            # (a bracketed name is taken whole: لـ(عين اليوم))
            return " ".join(resolver.text(toks, k + 1, e).replace(")", " ").split()), e
        return None
    if t in _OPENING:
        e = _quote_close(toks, k, stop)
        if e is not None:
            return medium_text(resolver, toks, k, e + 1), e + 1
        return None
    if not t[0].isalnum():
        return None
    if _platform(t):
        return medium_text(resolver, toks, k, k + 1), k + 1
    some = _quantified_medium(resolver, toks, k, stop)
    if some is not None:
        return some
    glued = _glued_li(resolver, t)
    head = ("ال" + t[2:] if t.startswith("لل") else t[1:]) if glued else t
    if len(head) > 3 and head[0] in "و" and not glued:
        head = head[1:]
    # a station, network or screen is a medium when it is spoken to: after مع/إلى, before
    # its quoted name, or with ل glued to its indefinite form before its name (قال لمحطة X،
    # صرّح لشبكة X; not تتويجا للمحطة الثانية "the second stage")
    addressed = addressed or (glued and not t.startswith("لل"))
    media_head = _media_word(resolver, head) or \
        ((addressed or (k + 1 < len(toks) and toks[k + 1] in _OPENING)) and
         (bare(head) in _ADDRESSED_MEDIA or head in _ADDRESSED_MEDIA))
    if media_head and resolver.state_agency(toks, k):
        return None  # وكالة الطاقة الدولية، لوكالة التنمية: a state agency, not a medium
    if not media_head and not (resolver.token_class(t)[3] and resolver.is_medium(toks, k) if glued else
                                resolver.token_class(t)[3]):
        return None
    m = resolver.mention_at(toks, k, bare_names=False)
    if m is not None and m.type == "media" and m.end <= stop + 4:
        end = _medium_end(resolver, toks, k, m.end)
        return medium_text(resolver, toks, k, end), end
    if media_head:
        end = resolver._np_end(toks, k)
        # a quoted or bracketed name right after the head noun (موقع "X"، قناة «X»)
        if end == k + 1 and end < len(toks) and toks[end] in _OPENING:
            e = _quote_close(toks, end, len(toks))
            if e is not None:
                end = e + 1
        end = _medium_end(resolver, toks, k, end)
        return medium_text(resolver, toks, k, end), end
    return None


def past_relative(toks: list[str], e: int, longest: int = 5) -> int:
    """Past a clause describing the medium that ends at ``e`` (لوكالة X نشرت نتائجه أمس
    أن …: "whose results X published"), up to the content's opener; ``e`` when no verb of
    publishing follows the medium or no content opens within ``longest`` words."""
    if e >= len(toks) or (toks[e] not in _PUBLISH_VERBS and toks[e] not in _CARRIER_VERBS):
        return e
    for j in range(e + 1, min(len(toks), e + longest + 1)):
        if toks[j] in _CONTENT_OPENERS:
            return j
        if not toks[j][0].isalnum():
            break
    return e


# Particles that open a new clause after a medium's name (وفقا للتلفزيون X فقد …).
_CLAUSE_PARTICLES = W["clause_particles"]


def _medium_end(resolver: Resolver, toks: list[str], k: int, end: int) -> int:
    """The end of a medium's name that starts at ``k`` and that a noun-phrase parse ended
    at ``end``: an outlet's name is its head noun, a name (quoted, bracketed or bare) and
    definite adjectives (وكالة الأنباء الجنوبية، قناة «ريم» الإخبارية، موقع البورصة الجنوبية
    (سهم)). It ends before a verb of publishing (وكالة X نشرت …، على موقع X بثتها …), a
    particle opening a clause (فقد، قد), a quotation longer than a short name (وكالة X
    " تمت …) and an indefinite word after a definite one, which Arabic puts in no name
    after its adjectives: it is the next phrase (… الرسمي إزالة، … للأنباء تفاصيل،
    للجائزة 40 متقدما)."""
    definite = False
    p = k + 1
    while p < end:
        t = toks[p]
        if t in QUOTE_FAMILY:
            # a quoted name right after the head noun may be long (قناة «X Y Z 24»); after
            # the adjectives only a short one (موقع البورصة الجنوبية «سهم»)
            e = _quote_close(toks, p, len(toks), longest=5 if p == k + 1 else 3)
            if e is None:
                return p  # a quotation begins (or an outer one closes)
            p, definite = e + 1, False
            continue
        if t in _PUBLISH_VERBS or t in _CARRIER_VERBS or t in _CLAUSE_PARTICLES:
            return p
        if definite and t[0].isalnum() and not t.startswith(("ال", "لل")) and \
                "(" not in resolver.surface(p - 1, p + 1, toks) and not t.isascii() and \
                t not in _MEDIUM_NAME_WORDS and not _platform(t) and resolver.alias_at(toks, p) is None:
            return p  # (a bracketed abbreviation or name belongs to it: (تداول)، (واس); so do a
            # platform's or outlet's own name after its description: موقع التواصل الاجتماعي
            # تويتر، وكالة الأنباء الفرنسية فرانس برس, Latin letters, medium_name_words)
        definite = t.startswith(("ال", "لل"))
        p += 1
    return end


def _marked_after_li(resolver: Resolver, toks: list[str], k: int, stop: int, longest: int = 5) -> int | None:
    """The end of a name marked off after the separate preposition at ``k`` (لـ written
    with a tatweel, a word of its own): papers set the outlet spoken to in brackets
    (لـ(الأفق)، لـ (الأفق)) or between marks of either direction (لـ”الأفق”، لـ»الأفق»),
    which the opening-mark rule does not read; ``None`` when no such name follows. A
    bracket is no token: it is read from the text between the tokens."""
    j = k + 1
    stop = min(stop, len(toks))
    if j >= stop:
        return None
    if toks[j] in QUOTE_FAMILY:  # لـ”الأفق”، لـ»الأفق»: a closing-shaped mark opens it
        e = j + 1
        while e < stop and e - j <= longest and toks[e] not in QUOTE_FAMILY:
            e += 1
        if e < stop and e > j + 1 and toks[e] in QUOTE_FAMILY and toks[j + 1][:1].isalpha():
            return e + 1
        return None
    if not toks[j][:1].isalpha() or "(" not in resolver.surface(k, j + 1, toks):
        return None  # (لـ(35 عاما): figures are no outlet)
    for e in range(j + 1, min(stop, len(toks), j + longest + 1)):
        if ")" in resolver.surface(j, e + 1, toks)[len(resolver.surface(j, e, toks)):]:
            return e  # the bracket closes between tokens e-1 and e
        if not toks[e][:1].isalnum():
            return None
    return None


def _quantified_medium(resolver: Resolver, toks: list[str], k: int, stop: int) -> tuple[str, int] | None:
    """One or some of a kind of media, spoken to: ل glued to a quantifier (إحدى، أحد، بعض،
    عدد من) then a plural medium noun (لإحدى الإذاعات المحلية، لعدد من الصحف): the outlet
    is not named but the words still came through it. (text without the ل, end)."""
    t = toks[k]
    if len(t) < 3 or t[0] != "ل" or t[1:] not in resolver.gz.group_quantifiers:
        return None
    j = k + 1
    if j < stop and toks[j] == "من":  # لعدد من الصحف، لعدد من وسائل الإعلام
        j += 1
    elif j < stop and not toks[j].startswith("ال"):
        return None  # "one of the channels" takes a definite plural; لبعض قنوات الدفع is "like some payment channels"
    if j >= stop or not toks[j][0].isalnum() or not _media_word(resolver, toks[j]):
        return None
    end = resolver._np_end(toks, j)
    text = medium_text(resolver, toks, k, end)
    return (text[1:] if text[:1] == "ل" else text), end


# Adjectives of a title (المدير التنفيذي لقناة X، المؤسس المشارك للموقع): the ل after
# them is "of", the medium the person works for, not the medium spoken to.
_TITLE_ADJECTIVES = W["title_adjectives"]


def bare_place_noun(m: Mention) -> bool:
    """Whether a media mention is the bare noun الموقع, which after حسب is as often "the
    place" (على حسب الموقع "depending on the location") as "the website"."""
    return m.end - m.start == 1 and bare(m.name.replace("ة", "ه")) in ("موقع", "الموقع")


def is_medium_preposition(resolver: Resolver, toks: list[str], k: int) -> bool:
    """Whether the word at ``k`` is the preposition عبر "through" before a medium or an
    account (عبر موقع X، عبر حسابه): not the verb عبّر "expressed"."""
    j = k + 1
    if j >= len(toks):
        return False
    nxt = toks[j]
    if nxt in PLATFORM_NOUNS or _platform(nxt) or nxt in _OPENING:
        return True
    return nxt[0].isalnum() and _media_word(resolver, nxt)


def _agent_name(resolver: Resolver, toks: list[str], k: int, stop: int) -> tuple[str, int] | None:
    """A name of up to three words at ``k`` in the subject slot of a carrying verb (حوار
    أجرته عكاظ): the medium, even when the lexicon does not know it."""
    e = k
    while e < min(stop, k + 3) and toks[e][0].isalnum() and toks[e] not in NP_STOP_COMPLEMENT and \
            toks[e] not in ("في", "مع", "امس", "اليوم", "خلال", "حول", "عن") and toks[e] not in resolver.gz.cues.tokens:
        e += 1
    if e == k:
        return None
    return medium_text(resolver, toks, k, e), e


def _skip_decline(toks: list[str], k: int, stop: int) -> int:
    """The token after the formula of a source declining to be named that starts at ``k``
    (رفض الكشف عن هويته), or ``k`` when none starts there."""
    if toks[k] not in _DECLINE_VERBS:
        return k
    for e in range(k + 1, min(stop, k + 6)):
        if toks[e] in _IDENTITY_WORDS:
            return e + 1
    return k


def _account(resolver: Resolver, toks: list[str], k: int, stop: int) -> tuple[str, int, int] | None:
    """An account or page with a possessive pronoun after the preposition at ``k`` (عبر
    حسابه على تويتر، على صفحتها بفيسبوك، من خلال قناته في يوتيوب): (text, first, end)."""
    t = toks[k]
    j = k + 1
    if t == "من" and j < stop and toks[j] == "خلال":
        j += 1
    elif t not in ("عبر", "علي", "في", "وعبر", "وعلي"):
        return None
    if j >= stop or toks[j] not in PLATFORM_NOUNS:
        return None
    e = j + 1
    # its platform: على تويتر، في "تويتر"، بموقع فيسبوك، بفيسبوك، الخاصة في اليوتيوب
    while e < stop and e - j < 6:
        w = toks[e]
        if w in QUOTE_FAMILY or w in ("علي", "في", "الخاص", "الخاصه", "الرسمي", "الرسميه", "الشخصي",
                                      "الشخصيه", "الالكتروني", "الرسمي،") or _platform(w) or _media_word(resolver, w) or \
                (w[:1] == "ب" and _media_word(resolver, w[1:])) or w == "التواصل" or w == "الاجتماعي":
            e += 1
            continue
        break
    while e > j + 1 and (toks[e - 1] in ("علي", "في") or toks[e - 1] in _OPENING):
        e -= 1
    return medium_text(resolver, toks, j, e), k, e


# Tokens at which a rule of :func:`via_near_cue` may start (others are skipped at once).
_TRIGGERS = frozenset(W["via_trigger_words"] | {":"} | NP_STOP_COMPLEMENT |
                      _DECLINE_VERBS | _IDENTITY_WORDS | set(QUOTE_FAMILY))


def via_near_cue(resolver: Resolver, toks: list[str], start: int, stop: int) -> tuple[str, int, int]:
    """The medium named between token ``start`` (after the cue, or after its subject) and
    ``stop``: (name, first token, end token), or ("", -1, -1).

    The scan stops where the reported content begins: أن/إن, a colon, or quoted words.
    After على، إلى or عن (content, or a description: الحائزة على جائزة …) only the
    unambiguous forms are taken: an account with a possessive pronoun (rule 4), a social
    platform, the place of publication of a statement (rule 3).
    """
    k = start
    stop = min(stop, start + 24)
    complement_seen = False
    while k < stop:
        t = toks[k]
        if t not in _TRIGGERS and t[0] != "ل" and t not in _OCCASION_FORMS:
            k += 1  # an ordinary word of the description
            continue
        skipped = _skip_decline(toks, k, stop)
        if skipped != k:
            k = skipped
            continue
        if t in _IDENTITY_WORDS and k > start and toks[k - 1] == "عن":
            complement_seen = False  # (رفض الكشف) عن هويته: the formula closes the description
            k += 1
            continue
        acc = _account(resolver, toks, k, stop)
        if acc is not None:
            return acc
        if t in ("علي", "في", "عبر") and k + 1 < stop and _platform(toks[k + 1]):
            # كتب على تويتر، عبر فيسبوك: a social platform is where the words were posted
            return medium_text(resolver, toks, k + 1, k + 2), k, k + 2
        if t in ("علي", "في", "عبر") and k + 2 < stop and toks[k + 1] in _OPENING and _platform(toks[k + 2]):
            e = _quote_close(toks, k + 1, stop)
            if e is not None:  # على «تويتر»
                return medium_text(resolver, toks, k + 1, e + 1), k, e + 1
        if t == "علي" and k + 2 < stop and (not complement_seen or toks[k + 2] == "التواصل") and \
                (_media_word(resolver, toks[k + 1]) or bare(toks[k + 1]) in _ADDRESSED_MEDIA):
            # قال على قناة X، في حديث على شاشة X: the channel the words were said on
            named = _named_medium(resolver, toks, k + 1, stop)
            if named is not None:
                return named[0], k, named[1]
        if t == "علي" and not complement_seen and k + 1 < stop and \
                any(map(_interview, toks[max(start, k - 3):k])):
            named = _named_medium(resolver, toks, k + 1, stop, addressed=True)
            if named is not None:  # في حديث على شاشة قناة X
                return named[0], k, named[1]
        if t in ("علي", "في", "عبر") and any(map(_published, toks[max(start, k - 4):k])):
            named = _named_medium(resolver, toks, k + 1, stop)
            if named is not None:  # في منشور لها على «المنصة»
                return named[0], k, named[1]
        if t == "الي" and not complement_seen and \
                (k == start or any(map(_interview, toks[max(start, k - 3):k]))):
            # تحدث إلى «الصحيفة»، في حديث إلى قناة X: the medium spoken to
            named = _named_medium(resolver, toks, k + 1, stop, addressed=True)
            if named is not None and (toks[k + 1] not in _OPENING or k > start):
                return named[0], k, named[1]
        if t in NP_STOP_COMPLEMENT or t == ":":
            if t in ("ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "لان", ":") or \
                    (k + 1 < stop and toks[k + 1] in ("ان", "انه", "انها")):
                break  # the content begins (أن، إن، على أن)
            # على، إلى، عن: maybe content, maybe the description; right after the cue or its
            # subject it is the verb's own complement (وعلق الوزير على الانتقادات الموجهة
            # لـ«الهيئة» بأن), whose ل-phrase names what it is about, not a medium spoken to
            complement_seen = "verb" if _verbs_complement(toks, start, k) else True
            k += 1
            continue
        if complement_seen:
            if complement_seen is True and (t == "ل" or (t[0] == "ل" and len(t) > 3)):
                named = _named_medium(resolver, toks, k, stop)
                if named is not None and content_follows(toks, named[1]) and \
                        not any(w in resolver.gz.cues.tokens or w in (".", "؛") for w in toks[start + 1:k]):
                    # مصادر مطلعة على الملف لـ«الأفق» أن …؛ (the given name Ali, normalised
                    # like على:) الأستاذ علي الفارس لـ«الأفق»: the medium spoken to closes the
                    # description right before the content, so a complement inside the
                    # description (مطلعة على، المسؤول عن) does not hide it
                    return named[0], k, named[1]
            k += 1
            continue
        if _occasion_noun(t) and k + 1 < stop and \
                (toks[k + 1] in _PUBLISH_VERBS or toks[k + 1] in _CARRIER_VERBS):
            # بيان نشرته وكالة X، حوار أجرته «الصحيفة»، مقابلة بثتها قناة X: the verb's
            # subject is the medium, named or not
            named = _named_medium(resolver, toks, k + 2, stop) or _agent_name(resolver, toks, k + 2, stop)
            if named is not None:
                return named[0], k, named[1]
        if t == "ل" or (t[0] == "ل" and len(t) > 3 and not (k > 0 and toks[k - 1] in _TITLE_ADJECTIVES)):
            named = _named_medium(resolver, toks, k, stop)
            if named is not None:  # لـ«عكاظ»، لوكالة الأنباء
                return named[0], k, named[1]
        if t in ("مع", "عبر", "وعبر") and k >= 1 and \
                (t != "مع" or any(map(_interview, toks[max(start, k - 4):k]))):
            named = _named_medium(resolver, toks, k + 1, stop, addressed=t == "مع")
            if named is not None:  # في حوار مع «الصحيفة»، عبر قناة X
                return named[0], k, named[1]
        if t in QUOTE_FAMILY:
            e = _quote_close(toks, k, stop, longest=5)
            # a short quoted name inside the description (لقسم «الجسور»)
            if e is not None and k >= 1 and toks[k - 1][0].isalnum() and \
                    toks[k - 1] not in resolver.gz.cues.tokens and \
                    (k > start or toks[k - 1][0] in "لب" or
                     (e - k <= 4 and e + 1 < stop and toks[e + 1][0] == "ل")):
                # (a quoted name right after the subject, then its medium: المدرب «فلان» لصحيفة X)
                k = e + 1
                continue
            break  # the quoted words begin
        k += 1
    return "", -1, -1


def _verbs_complement(toks: list[str], start: int, k: int) -> bool:
    """Whether the complement word at ``k`` (على، إلى، عن) belongs to the verb: it stands
    right after the cue or its subject (``start``) and after a definite word that ends a
    phrase, not after an indefinite participle (مصادر مطلعة على الملف) or a title before a
    name (الأستاذ علي, Ali normalised like على), whose complement or name is part of the
    description."""
    if k != start or k == 0:
        return False
    prev = bare(toks[k - 1])
    nxt = toks[k + 1] if k + 1 < len(toks) else ""
    if toks[k] == "علي" and nxt.startswith("ال") and nxt.endswith("ي") and len(nxt) >= 6:
        return False  # مدير الميناء علي الصافي: the name Ali before a family name in ي
    return toks[k - 1].startswith(("ال", "وال")) and prev not in _subject_ends()["name_titles"]


# Words of outlets' own names that follow their description (فرانس برس، الجزيرة مباشر).
_MEDIUM_NAME_WORDS = W["medium_name_words"]


# Words that open the reported content (أن، إن، فإن، بأن …) or a colon before it.
_CONTENT_OPENERS = W["content_openers"]


def content_follows(toks: list[str], e: int) -> bool:
    """Whether the reported content begins at token ``e``, after an optional time word and
    comma (لـ«الأفق» أمس، أن …؛ لـ«الأفق»: …؛ لـ«الأفق» فإن …)."""
    n = len(toks)
    while e < n and (toks[e] in _TIME_WORDS or toks[e] in ("،", ",")):
        e += 1
    return e < n and toks[e] in _CONTENT_OPENERS


# Verbs of telling whose addressee, the medium, is their direct object (أبلغ مصدر «عكاظ»
# أن، أفاد «الصحيفة» مسؤول بأن، أخبر الوزير «الصحيفة» أن).
TELLING_LEMMAS = W["telling_lemmas"]


def via_as_object(resolver: Resolver, toks: list[str], k: int, stop: int) -> tuple[str, int, int]:
    """The medium told, as the direct object of a verb of telling at token ``k`` (right
    after the verb or after its subject): a quoted short name or a media noun followed by
    the content (أن، بأن) or by the subject (أفاد «الصحيفة» مسؤول)."""
    named = None
    if k < stop and toks[k] in _OPENING:
        e = _quote_close(toks, k, stop, longest=4)
        if e is not None:
            named = medium_text(resolver, toks, k, e + 1), e + 1
    elif k < stop and toks[k][0].isalnum() and not toks[k].startswith("ل"):
        named = _named_medium(resolver, toks, k, stop)
    if named is None:
        return "", -1, -1
    end = named[1]
    nxt = toks[end] if end < len(toks) else ""
    if nxt in ("،", ","):
        nxt = toks[end + 1] if end + 1 < len(toks) else ""
    if nxt in ("ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "بانهم") or \
            (nxt and resolver.token_class(nxt)[0]):
        return named[0], k, end
    return "", -1, -1


# Words that open a fronted phrase of occasion (وفي تصريحات لـ…، وخلال مقابلة مع…، وعبر
# حسابه على…).
_FRONT_OPENERS = with_waw(W["front_openers"])


def via_before_cue(resolver: Resolver, toks: list[str], s_first: int, i: int, longest: int = 16) -> str:
    """The medium of a phrase of occasion fronted before the verb at ``i`` (وفي تصريحات
    لوسائل إعلام أمس، أوضح الوزير …؛ وفي حديث مع «الصحيفة» قال …؛ وعبر حسابه على تويتر، كتب
    …): the phrase opens the sentence (or follows a comma), names an interview, statement
    or account, and holds no other cue and no content."""
    lo = max(s_first, i - longest)
    k = i - 1
    # the opener nearest before the verb, at the sentence start or after a comma
    while k >= lo:
        t = toks[k]
        if t in ("ان", "انه", "انها", "بان", ":"):
            return ""
        if t in _FRONT_OPENERS and (k == s_first or toks[k - 1] in ("،", ",", "؛") or
                                    (k - 1 == s_first and toks[k - 1] in ("و", "ثم"))):
            break
        k -= 1
    else:
        return ""
    span = toks[k:i]
    if not any(_occasion_noun(w) or w in PLATFORM_NOUNS for w in span[:4]):
        return ""
    name, _, _ = via_near_cue(resolver, toks, k, i)
    return name


def speaker_medium(resolver: Resolver, toks: list[str], m: Mention) -> str:
    """The text of a media speaker's mention as written (صحيفة «الأفق» → صحيفة الأفق)."""
    if m is None or m.start >= len(toks) or m.end > len(toks) or m.end <= m.start:
        return m.name if m is not None else ""
    end = _medium_end(resolver, toks, m.start, m.end) if toks[m.start][0].isalnum() else m.end
    return medium_text(resolver, toks, m.start, end)


_ACCORDING = W["according_words"]


def occasion_end(resolver: Resolver, toks: list[str], k: int, longest: int = 12) -> int:
    """The end of a phrase of occasion between a verb and its content, starting at ``k``
    after an optional comma (وأضاف، خلال مقابلة هاتفية عبر موقع X، أن …؛ وقال في حديث
    لقناة X إن …), with the comma that closes it; ``k`` when none starts there."""
    n = len(toks)
    j = k + 1 if k < n and toks[k] in ("،", ",") else k
    if j + 1 < n and toks[j] in _ACCORDING and (toks[j + 1][0] == "ل" or toks[j] not in ("وفقا", "وفق")):
        # وأضاف، وفقا لوكالة X، أن: an according-to phrase naming the medium
        named = _named_medium(resolver, toks, j + 1, min(n, j + longest))
        if named is not None:
            e = named[1]
            return e + 1 if e < n and toks[e] in ("،", ",") else e
        return k
    if j + 1 >= n or toks[j] not in ("في", "خلال", "وخلال", "وفي") or \
            not _occasion_noun(toks[j + 1]):
        return k
    name, _, end = via_near_cue(resolver, toks, j, min(n, j + longest))
    e = end if name else j + 2
    while e < min(n, j + longest) and toks[e] not in ("،", ",", "ان", "انه", "انها", "بان", ":") \
            and toks[e] not in QUOTE_FAMILY:
        e += 1
    if e < n and toks[e] in ("،", ","):
        e += 1
    return e


def via_after_content(resolver: Resolver, toks: list[str], i: int, stop: int, is_cue, longest: int = 60) -> str:
    """The medium of a phrase of occasion closing the sentence of the act at ``i``, after
    its content (وقال فلان «…»، في تصريحات لصحيفة X؛ مشيرا إلى …، وذلك في حديثه لموقع X):
    a comma, an optional وذلك, then في/خلال and an interview or statement noun, with no
    other cue between the act and the phrase (``is_cue(k)``)."""
    stop = min(stop, len(toks), i + longest)
    cue_tokens = resolver.gz.cues.tokens
    for k in range(i + 1, stop - 2):
        t = toks[k]
        if t != "وذلك" and t != "،" and t != ",":
            if t in cue_tokens and is_cue(k):
                return ""  # another act's words begin
            continue
        # after a comma the phrase starts at the next token; وذلك opens it without a comma
        # (وذلك في حديث …)
        j = k if t == "وذلك" else k + 1
        if toks[j] in ("وذلك", "وجاء", "جاء", "ذلك"):
            j += 1
        if j + 1 < stop and toks[j] in ("في", "خلال", "اثناء") and _interview(toks[j + 1]):
            name, _, _ = via_near_cue(resolver, toks, j, stop)
            return name
    return ""


def via_of_according_source(resolver: Resolver, toks: list[str], k: int, stop: int) -> str:
    """The medium the source of an according-to phrase spoke to, after the source's mention
    ending at ``k`` (وفقا لما قاله مسؤول لوكالة X؛ بحسب ما أكدته مصادر لـ«X»؛ بحسب مصادر
    تحدثت لـ«X»): the phrase ends at the first comma or full stop, so a medium of the
    next clause is never taken."""
    end = k
    while end < stop and toks[end] not in ("،", ",", ".", "؛", "!", "؟"):
        end += 1
    name, first, _ = via_near_cue(resolver, toks, k, end) if end > k else ("", -1, -1)
    # the medium follows the source, or its verb (مصادر تحدثت لـ«X»), closely: further on,
    # ل is "of" inside the content (معطيات … في مجال التصنيف لوسائل الإعلام)
    if 0 <= first - k <= 2:
        return name
    # the source's description may run on (بحسب مصدر في وزارة النقل لـ«الأفق» فإن …): a
    # medium right before the content still closes the phrase
    if first > k and name and \
            not any(w in resolver.gz.cues.tokens or w in _CLAUSE_PARTICLES or w in ("لكن", "ولكن", "ثم")
                    for w in toks[k:first]):
        # (not across another act or a new clause: بحسب بيان … لكن مسؤولا قال لـ«X» إن)
        named = _named_medium(resolver, toks, first, end)
        if named is not None and content_follows(toks, named[1]):
            return name
    return ""


def medium_at(resolver: Resolver, toks: list[str], k: int) -> tuple[str, int]:
    """The medium named at token ``k``, quoted or with its preposition ل (وفقا لوكالة X،
    وفقا لـ«X»، لما نقلت عنه «X»): (name, end), or ("", k)."""
    if k >= len(toks) or not (toks[k] == "ل" or toks[k] in _OPENING or _glued_li(resolver, toks[k])):
        return "", k
    named = _named_medium(resolver, toks, k, min(len(toks), k + 10))
    return named if named is not None else ("", k)
