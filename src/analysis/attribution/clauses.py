"""Clauses: the reporting acts of a paragraph, each cue with its subject.

Input: a paragraph's normalised tokens and their offsets, its sentences, its quotations
(:mod:`.quotes`), the cue lexicon (:mod:`.cues`) and the document's resolver
(:mod:`.mentions`). Output: a list of :class:`Act` (cue span, kind, speaker, how it was
found, via) in text order.

How a cue finds its subject, in order (facts of Arabic news syntax):

1. **verb–subject**: a source right after the verb (وقال الوزير); an adverb or a
   prepositional phrase may stand between them (وقال أمس الوزير، وقال لـ«الصحيفة» فلان، قال
   في تصريح لوكالة X مدير …) — a phrase glued to ل is the medium, not the speaker;
2. **relative clause**: the antecedent of الذي/التي (الأنتربول، الذي أكد);
3. **continuation**: a clause-initial verb with no subject (وأضاف أن، كما أكد، لكنه أشار،
   إلا أنه أوضح، وفي هذا السياق أكد، فيما أكد، حيث أوضح) continues the last speaker, when
   its content follows (أن، إلى، a colon, or ب + noun: ونوّه بجهود، ووصفه بالخطوة);
4. **subject–verb**: a source earlier in the same sentence (الوزير يؤكد أن، أما الوزير فقال);
5. a participle (مؤكدا) continues the act it depends on: the last act of its sentence, or
   of the paragraph;
6. an according-to phrase (بحسب، وفقا لـ) names its source after it; naming a medium after
   another act of the same sentence it is that act's via, and before a verb (or opening a
   sentence with other acts in it) it is the via of the acts that follow; alone, the
   medium is the source (H2).

The medium of each act (its via) is looked for by :mod:`.via` around the cue: after the
verb and its subject, in a fronted or closing phrase of occasion, and as the object of a
verb of telling. نقلت X عن Y (قوله) and نقلت X أن Y قال are Y's acts with X as via (H2).

A cue inside another speaker's quoted words is not an act (nested source); verbs with an
everyday sense need a complement (:mod:`.cues`), which follows the subject and its
apposition, lies in the verb's own sentence and stops at the next conjoined cue (وقالت).

Further facts of Arabic news used here: a word after a preposition is a noun (خلال تنقّل);
a contrastive connective (بل إن، لكن، غير أن) opens the reporter's own clause after another
act's content; فيما / حيث / إذ keep the subject of the act before them in the sentence; a
subject-less verb agrees with the speaker it continues (a singular one does not continue a
group named by a quantifier, عدد من الطلاب); a verb that gives its content with ب (نوّه،
أشاد، طالب) continues the last speaker when ب follows.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from .agreement import contradicts, speaker_features, topic_prepositions, verb_features
from .cues import COMPLEMENTS, THAT, bi_content, complement_within, content_within, cue_at, noun_cue_at
from ..normalize import normalize_text
from .mentions import name_without_li, AUX, FUNCTION_WORDS, NP_STOP, QUANT_STARTS, RELATIVES, Mention, Resolver, _subject_ends, last_mention
from .mentions import honorific_antecedent, honorific_pronoun_rank, honorific_rank
from .mentions import ATTACHED_PRONOUNS, IN_NAME_PREPOSITIONS, preposition_with_pronoun
from .countries import is_given_name
from .quotes import QUOTE_FAMILY
from .words import function_words as W, with_waw
from .via import OPENING_MARKS as _OPENING_MARKS, TELLING_LEMMAS, past_relative, bare_place_noun, occasion_noun, is_medium_preposition, medium_at, occasion_end, via_after_content, via_of_according_source, speaker_medium, via_as_object, via_before_cue, via_near_cue

__all__ = ["Act", "find_acts", "CLAUSE_OPENERS"]

CLAUSE_OPENERS = W["clause_openers"]
# Words right before a verb that leave it without a subject of its own: كما أكد، لكنه أشار،
# ثم أضاف، إلا أنه أوضح (normalised).
_CONTINUATION_BEFORE = W["continuation_particles"] | W["continuation_particles_before_verb_extra"]
# Subordinators after which a verb with no subject of its own keeps the subject of the main
# clause (أعلن المجلس …، فيما أكد أن؛ أشاد الوزير …، حيث أوضح أن؛ إذ قال).
_SAME_SUBJECT = W["same_subject_subordinators"]
_BUT_THAT = W["but_that"]  # إلا أنه، غير أنه، بيد أنه
# A sentence opening with a prepositional or adverbial phrase (وفي هذا السياق، وخلال اللقاء)
# leaves the verb after it clause-initial.
_FRONTED = with_waw(W["fronted_phrase_openers"]) | W["fronted_phrase_openers_waw_only"]
# What may stand between a verb and its subject: adverbs of time and these prepositions.
_INTERVENING = W["time_days"] | W["time_parts_of_day"] | W["verb_subject_intervening"]
# First words of the "link to the story" lines news sites append (رابط الخبر بصحيفة X: …).
_LINK_WORDS = W["link_words"]
# Words of time between a medium and عن in نقلت صحيفة X اليوم الخميس عن Y.
_TIME_WORDS = W["time_days"] | {"،", ","}  # (the commas stay here: punctuation)
# A preposition with a pronoun pointing back to what was said may stand between the verb
# and its subject, which then follows at once (التي أشارت إليها الوزارة، في الوقت الذي
# وعدت فيه الحكومة).
# Prepositions standing as words: the noun phrase after one is governed by it.
_PREPOSITION_WORDS = W["preposition_words"]
# A demonstrative object pointing back to the words just reported (صرح بذلك المتحدث …) counts
# too: the subject follows it. (ذلك/هذا alone may be the subject's determiner: أكد هذا المسؤول.)
_PRONOUN_PREPOSITIONS = W["pronoun_prepositions"]
# Adverbs a subject-less verb may carry before its content (وأكد أيضا أن).
_ADVERBS = W["adverbs_before_content"]
_PUNCT = ("،", ",", ":", "؛")
# Prepositions that govern a noun: a cue form right after one is a noun that looks like a
# verb (خلال تنقل "during the movement", بعد تحدث), never a finite verb.
_PREPOSITIONS_BEFORE_NOUN = with_waw(W["prepositions_before_noun_with_waw"]) | W["prepositions_before_noun"]
_COUNT_WORDS = W["count_words"]
_ADVERB_HEADS = W["adverb_heads"]


@dataclass
class Act:
    tok: int
    cue_ns: int
    cue_ne: int
    kind: str
    speaker: Mention
    resolution: str
    subj_ns: int
    via: str = ""
    medium: str = ""  # a media speaker's name as the text writes it (its via for others' acts)
    lemma: str = ""  # the verb's lemma (نقل: the medium passes on others' words)
    embedded: bool = False  # the act lies inside the content another speaker reports
    name_quote: int = -1  # offset of the quotation mark opening a quoted subject (وقالت «الشركة» إن)


def _continues(toks: list[str], s_first: int, i: int, *, after_comma: bool = True) -> bool:
    """Whether the verb at ``i`` opens a clause with no subject before it (``after_comma``:
    a comma right before counts; it does not when a subject may stand before the comma,
    as in "هشام معتضد، باحث …، قال")."""
    k = i - 1
    while k >= s_first and toks[k] in AUX - {"قد", "وقد", "فقد"}:
        k -= 1
    if k < s_first:
        return True
    prev = toks[k]
    if (after_comma and prev in _PUNCT) or prev in _CONTINUATION_BEFORE:
        return True
    if prev in ("انه", "انها", "انهم") and k - 1 >= s_first and toks[k - 1] in _BUT_THAT:
        return True
    if " ".join(toks[max(s_first, i - 3):i]).replace(" ،", "").strip() in CLAUSE_OPENERS:
        return True
    # a fronted phrase: وفي هذا السياق أكد
    span = toks[s_first:i]
    return 1 <= len(span) <= 6 and span[0] in _FRONTED and \
        not any(t in QUOTE_FAMILY or t in _PUNCT for t in span)


# Contrastive connectives that open the narrator's own clause after another act's content
# (… بل إن الوزير رأى، لكن الوزير يرى، غير أن المسؤولين يزعمون).
_CONTRAST = W["contrast"]
_CONTRAST_INNA = _BUT_THAT | W["contrast_inna_extra"]


def _contrast_opens(toks: list[str], k: int) -> bool:
    """Whether the subject at token ``k`` follows a contrastive connective (لكن X، بل إن X،
    غير أن X، إلا أن X): Arabic news sets the reporter's own clause off from the content just
    reported so, and its subject speaks in its own right."""
    if k >= 1 and toks[k - 1] in _CONTRAST:
        return True
    return k >= 2 and toks[k - 1] == "ان" and toks[k - 2] in _CONTRAST_INNA


def _fronted_before_content(toks: list[str], s_first: int, i: int, longest: int = 16) -> bool:
    """Whether the verb at ``i`` follows a long fronted prepositional phrase and is followed
    at once by its content (وعن أسعار المساكن التي ارتفعت في العام الماضي قال إن …): the
    nouns of the phrase are its topic, and the verb, with no subject after it, continues
    the last speaker."""
    span = toks[s_first:i]
    return 1 <= len(span) <= longest and span[0] in _FRONTED and i + 1 < len(toks) and \
        (toks[i + 1] in THAT or toks[i + 1] == ":" or _topic_fronted(toks, s_first, i, longest)) and \
        not any(t in QUOTE_FAMILY or t in _PUNCT for t in span)


def _topic_fronted(toks: list[str], s_first: int, i: int, longest: int = 16) -> bool:
    """Whether the verb at ``i`` follows a fronted phrase "about" (وحول أسعار النفط قال …،
    وعن مشاركة المنتخب قال …): the phrase names the topic of the words, which follow the
    verb at once, with or without أن; its nouns are never the verb's subject."""
    span = toks[s_first:i]
    return 2 <= len(span) <= longest and span[0] in topic_prepositions() and \
        not any(t in QUOTE_FAMILY or t in _PUNCT for t in span)


def _support_subject(resolver: Resolver, lex, toks: list[str], s_first: int, i: int,
                     window: int = 8) -> tuple[int, Mention | None] | None:
    """For a noun cue that is the object of a support verb (أطلقت الشركة تحذيرا، أصدرت
    الوزارة أمس بيانا، وجدد الوزير التأكيد): (the verb's token, its subject after or
    before it, or None when the verb has none), or None when no support verb precedes."""
    offered = toks[i] in lex.offered_nouns
    for k in range(i - 1, max(s_first, i - window) - 1, -1):
        t = toks[k]
        if t in _PUNCT or t in QUOTE_FAMILY or t == ".":
            return None
        if offered and t in lex.offering_verbs:
            return _giver(resolver, lex, toks, k, i)
        if offered and t not in lex.support_verbs and t in lex.tokens and (cue_at(lex, toks, k) or ("",))[0] == "verb":
            return None  # ثم أعرب عن شكره: another verb between, whose object the noun is
        if t in lex.support_verbs:
            m, _ = _subject_after(resolver, toks, k + 1) if k + 1 < i else (None, "")
            if m is not None and m.end == i and m.end - m.start >= 2 and toks[i - 1][:1] == "ب" and \
                    len(toks[i - 1]) >= 5 and not toks[i - 1].startswith("بن"):
                # ووجه المدير بتقديم الشكر: the noun is the object of a verbal noun with ب,
                # which ends the subject
                m = replace(m, end=i - 1, name=resolver.text(toks, m.start, i - 1),
                            key=resolver._key(toks[m.start:i - 1]))
            if m is not None and (m.end > i or m.anaphoric or not m.type):
                m = None
            if m is None and not offered:
                # (not for thanks offered, جدد الشكر: the name before a subject-less verb is most
                # often whom the giver thanked, so the giver is the speaker the clause continues)
                m = last_mention(resolver, toks, s_first, k)
                if m is not None and (m.anaphoric or not m.type):
                    m = None
            return k, m
    return None


def _cut(resolver: Resolver, toks: list[str], m: Mention, end: int) -> Mention:
    """The mention ``m`` ended at token ``end``."""
    return replace(m, end=end, name=resolver.text(toks, m.start, end), key=resolver._key(toks[m.start:end]))


def _giver(resolver: Resolver, lex, toks: list[str], k: int, i: int) -> tuple[int, Mention | None] | None:
    """For thanks, condolences or congratulations (the noun at ``i``) offered with the verb
    at ``k`` (قدم الوزير شكره، رفع المجلس خالص تعازيه): (k, the giver) when the verb has a
    subject of its own, (k, None) when the giver is the speaker the clause continues, or
    None when the noun gives no act.

    The noun is the verb's object: a word with و and no article after the giver opens
    another clause (وقدم الوفد إلى المدينة وتلقى التعازي). With no subject, the verb
    continues a speaker only when the noun carries the giver's pronoun or an adjective
    (وقدم شكره، ورفع خالص التعازي): a bare التعازي after it is the passive (وقُدّمت التعازي
    لذويهم، نُقل الجثمان … وسط التعازي), nobody's act. The name before a subject-less
    وقدّم is most often whom the giver thanked or visited, so it is never taken as the giver."""
    m, _ = _subject_after(resolver, toks, k + 1) if k + 1 < i else (None, "")
    # (the subject ends before the noun: an offered noun is a cue word, which ends a name)
    if m is not None:
        for q in range(m.start + 1, m.end):
            if toks[q].startswith("لل"):
                # وقدم المواطنون للأمير سامر تعازيهم: ل + article names whom it was offered to
                m = _cut(resolver, toks, m, q)
                break
    if m is not None and m.end == i and m.end - m.start >= 2 and toks[i - 1] in lex.offered_adjectives:
        m = _cut(resolver, toks, m, i - 1)  # وقدم المجلس خالص تعازيه: the adjective ends the subject
    if m is not None:
        words = toks[m.end:i]
        if any(w[:1] == "و" and len(w) >= 4 and not w.startswith("وال") for w in words):
            return None  # وقدم الوفد إلى المدينة وتلقى التعازي: another verb, whose object it is
        # (a subject after the verb has a type, or is a pronoun: سموه، معاليه, the one the
        # clause continues)
        return (k, None) if m.anaphoric else (k, m)
    # No subject: the noun with the giver's pronoun, or after an adjective in construct
    # (خالص التعازي, the giver's own feeling, which news never writes in the passive), is
    # the act of the speaker the clause continues; words between are then mostly that
    # speaker's surname (ورفع الفارس شكره، ورفع آل الفارس خالص التعازي), never read as another.
    if any(toks[i].endswith(p) for p in (*ATTACHED_PRONOUNS, "نا")) or toks[i - 1] in lex.offered_adjectives:
        return k, None
    return None


def _past_abbreviation(lex, toks: list[str], s_first: int) -> int:
    """The start of a sentence that the splitter cut after an abbreviated title (وأشار د.
    سامر …: a one-letter word and a full stop are no sentence end): the start of the
    verb's words before the title, at most a few words back (12: a verb, its subject's
    title words and the abbreviation; further back is another clause). Only when a word
    that may be a name follows: before a preposition, a function word or a verb the full
    stop ends a sentence (فيتامين د. في تصريح …، المجموعة أ. وقال …)."""
    k = s_first
    if k >= 2 and toks[k - 1] == "." and len(toks[k - 2]) == 1 and toks[k - 2].isalpha() and \
            k < len(toks) and _name_like(lex, toks[k]):
        k -= 2
        lo = max(0, k - 12)
        while k > lo and toks[k - 1] not in (".", "؟", "?", "!"):
            k -= 1
    return k


def _name_like(lex, tok: str) -> bool:
    """Whether ``tok`` may be a word of a name: a word (not punctuation) that is no function
    word, no preposition and no cue (a verb of saying opens a clause, not a name)."""
    return tok[:1].isalpha() and tok not in FUNCTION_WORDS and tok not in NP_STOP and \
        tok not in _PREPOSITION_WORDS and tok not in _PREPOSITIONS_BEFORE_NOUN and tok not in lex.tokens


def _no_source_after(resolver: Resolver, toks: list[str], k: int) -> bool:
    """Whether the word at ``k``, after a noun of saying, names no source of its own: the
    noun is indefinite and what follows is no definite or named source (تصريح صحفي،
    تصريحات خاصة، تصريح مسجل: an adjective of the statement), or punctuation, a
    complement or the end. News writes the occasion of a verb's act so (وقال في تصريح صحفي
    إن): the speaker is the verb's subject, the statement no second act."""
    if k >= len(toks) or not toks[k][0].isalnum():
        return True
    t = toks[k]
    if t in _OWN_STATEMENT:
        return True  # في تصريح له: the speaker's own statement
    if t == "ل":
        return True  # في تصريحات لـ(الصحيفة): ل set apart before the medium the words were given to
    if t in COMPLEMENTS or t.startswith(("ال", "لل")) or t[0] == "ل":
        return t in COMPLEMENTS  # تصريحات الوزير، تصريح لوزير: a source, or a medium after ل
    # an indefinite word: the press adjective of the noun (صحفي، صحفية: the one test of
    # _adjective_of_noun), or another indefinite word that begins no typed source (خاصة،
    # مسجل). An indefinite source (تصريحات مسؤولين أمريكيين، تصريح لخبراء) or a known name is
    # the noun's own source: then the noun is an act of its own. After the adjective, ل + a
    # source names whose statement it is (في تصريح صحفي للوزير …); ل + a medium (تصريحات
    # صحفية لعكاظ) is the via of the verb's act.
    if not _adjective_of_noun(resolver, toks, k - 1, k):
        if resolver.token_class(t)[3]:
            return False
        m = resolver.mention_at(toks, k)
        if m is not None and m.type and m.type != "unknown" and not m.anaphoric and not m.prepositional:
            return False
    k += 1
    if k < len(toks) and toks[k][0] == "ل" and len(toks[k]) > 3:
        source = _source_after_li(resolver, toks, k)
        if source is not None and source.type and source.type != "media" and not source.anaphoric:
            return False
    return True


# Pronouns after ل that make a noun of saying the speaker's own (في تصريح له).
_OWN_STATEMENT = W["own_statement_pronouns"]


def _speech_occasion(tok: str) -> bool:
    """Whether ``tok`` names an occasion of speaking (بيان، مؤتمر، كلمته، حديثه: the
    ``speech_occasions`` of data/speakers.yaml, or a noun of an interview or a published
    text that :mod:`.via` knows)."""
    return tok in _subject_ends()["speech_occasions"] or occasion_noun(tok)


def _name_before_occasion(resolver: Resolver, toks: list[str], j: int, longest: int = 12) -> Mention | None:
    """A name of one or two words right after the verb at ``j - 1`` that the lexicons do not
    know (a surname, a foreign name), when the occasion or the medium of the words follows
    it and then their content: وقال الفارس في بيان إن، وأكدت روزانا خلال مؤتمر صحافي أن،
    وقال سامر الفارس، خلال الحفل، إن، وأضاف فالور ل«الصحيفة» أن (invented). Arabic news puts
    where or to whom the words were said between the speaker and what was said; an ordinary
    noun right after the verb (وأكدت الأوضاع في …) is not followed by such a phrase and then
    أن. The name is of unknown type; a title elsewhere in the document may type it."""
    n = len(toks)
    for w in (1, 2):
        e = j + w
        if e >= n or not resolver.lone_name_word(toks[e - 1]):
            return None
        if w == 2 and (toks[j].startswith("ال") or resolver._glued_preposition(toks[j + 1])):
            return None  # (two words: a given name, then a surname)
        k = e + 1 if toks[e] in ("،", ",") else e
        if k >= n:
            return None  # (the text ends at the name's comma)
        c = -1
        if toks[k] in _OPENING_MARKS and _quoted_words_open(toks, k) and \
                is_given_name(_bare(toks[j])):
            # وقال محمد الفارس "الوضع أفضل": news agencies often open the quoted words right
            # after the speaker's name (or its comma), with no colon. The name must begin with a given name
            # (سامر «…»، سامر الفارس «…»); other words there (كتبت رواية «…»، وأضاف ساخرا «…») open
            # the object or tell the speaker's manner. (A surname alone that the article
            # gave before is a known name word and is read by mention_at.)
            return Mention(j, e, resolver.text(toks, j, e), "unknown", key=resolver._key(toks[j:e]))
        if k + 1 < n and toks[k] in ("في", "خلال") and _speech_occasion(toks[k + 1]):
            c = k + 2  # the occasion runs on to the content (في بيان وزعه مكتبه، أن)
            while c < min(n, k + longest) and toks[c] not in COMPLEMENTS and toks[c] not in (":", ".") and \
                    toks[c] not in QUOTE_FAMILY and toks[c] not in resolver.gz.cues.tokens:
                c += 1
        else:
            name, first, end = via_near_cue(resolver, toks, k, min(n, k + 8))
            if name and first == k:
                c = past_relative(toks, end)  # ل«الصحيفة»، لوكالة الأنباء: the medium spoken to
        while 0 <= c < n and (toks[c] in ("،", ",") or toks[c] in _ADVERBS):
            c += 1
        if 0 <= c < n and (toks[c] in COMPLEMENTS or toks[c] == ":" or toks[c] in _OPENING_MARKS):
            return Mention(j, e, resolver.text(toks, j, e), "unknown", key=resolver._key(toks[j:e]))
    return None


def _quoted_words_open(toks: list[str], k: int, shortest: int = 3) -> bool:
    """Whether the quotation mark at ``k`` opens quoted words rather than a short quoted
    name or term (وصف سامر «الاتفاق» بأنه): at least ``shortest`` words before the closing
    mark, or none in sight."""
    m = k + 1
    while m < len(toks) and toks[m] not in _CLOSING_MARKS and m - k <= shortest:
        m += 1
    return m - k > shortest


def _passed_on_source(resolver: Resolver, toks: list[str], k: int) -> tuple[Mention, int | None] | None:
    """The source whose words a transmission verb passes on, named after عن at token ``k``
    (past time words: نقلت أمس عن الوزير قوله): (its mention, the token of its own noun of
    saying قوله/القول or None), or None when no named, non-anaphoric source follows."""
    e = k
    while e < len(toks) and e - k < 3 and toks[e] in _TIME_WORDS:
        e += 1
    if e + 1 >= len(toks) or toks[e] != "عن" or toks[e + 1] in _BY_MEANS_OF:
        return None  # (نقلت عن طريق الإسعاف: "by way of", carrying, no source)
    src = resolver.mention_at(toks, e + 1)
    if src is None or not src.type or src.type == "unknown" or src.anaphoric:
        return None
    cue_tok = next((k2 for k2 in range(src.start + 1, min(len(toks), src.end + 5))
                    if toks[k2] in _SAYING_NOUNS), None)
    if cue_tok is not None and any(not t[0].isalnum() or t in COMPLEMENTS for t in toks[src.end:cue_tok]):
        cue_tok = None
    if cue_tok is not None and cue_tok < src.end:  # the name ran on into قوله
        src = replace(src, end=cue_tok, name=resolver.text(toks, src.start, cue_tok),
                      key=resolver._key(toks[src.start:cue_tok]))
    return src, cue_tok


def _subject_after(resolver: Resolver, toks: list[str], j: int, limit: int = 9, *,
                   telling: bool = False) -> tuple[Mention | None, str]:
    """The subject after a verb at token ``j``: (mention, via), skipping an adverb or a
    prepositional phrase (وقال لـ«الصحيفة» فلان). Only a verb of telling (``telling``)
    takes a quoted medium as its object before the subject."""
    n = len(toks)
    if j + 2 < n and len(toks[j]) == 1 and toks[j].isalpha() and toks[j + 1] == ".":
        # وأشار د. سامر الفارس: a one-letter word with a full stop is an abbreviated title
        # (د. doctor, م. engineer, أ. professor), not a sentence end; the name follows it
        j += 2
    fwd = resolver.mention_at(toks, j) if j < n else None
    first = toks[j] if j < n else ""
    to_medium = (first[:1] == "ل" and len(first) > 3 and resolver.is_medium(toks, j)) or \
        (first == "ل" and bool(medium_at(resolver, toks, j)[0]))  # وكشف لـ(الصحيفة) فلان
    if to_medium:
        fwd = None  # لوكالة الأنباء الألمانية: whom it was said to, never who said it
    if fwd is not None and not fwd.prepositional:
        return fwd, ""
    if fwd is None and not to_medium:
        lone = _name_before_occasion(resolver, toks, j)
        if lone is not None:
            return lone, ""
    if first in _PRONOUN_PREPOSITIONS:
        m = resolver.mention_at(toks, j + 1) if j + 1 < n else None
        ok = m is not None and not m.prepositional and not m.anaphoric and m.type and m.type != "unknown"
        return (m if ok else None), ""
    if telling and first in ("«", "“", '"') and j + 2 < n:
        # أفاد «الصحيفة» مصدر مسؤول بأن: the medium told, as the object, before the subject
        via, _, via_end = via_as_object(resolver, toks, j, min(n, j + 6))
        if via:
            m = resolver.mention_at(toks, via_end)
            if m is not None and not m.prepositional and not m.anaphoric and m.type and m.type != "unknown":
                return m, via
    if not (fwd is not None or first in _INTERVENING or to_medium):
        return fwd, ""
    via, _, via_end = via_near_cue(resolver, toks, j, min(n, j + limit))
    k = j if fwd is None else fwd.end
    if via_end > k:
        k = via_end
    while k < min(n, j + limit):
        t = toks[k]
        if t in COMPLEMENTS or t == ":" or t in ("،", ",", ".") or t in resolver.gz.cues.tokens:
            break
        if t in QUOTE_FAMILY:
            k += 1
            continue
        cls = resolver.token_class(t)
        if cls[0] or (cls[1] and k + 1 < n and resolver.token_class(toks[k + 1])[2]):
            m = resolver.mention_at(toks, k)
            # a noun right after a preposition is its object (وأوضحت في بيان أن), not the subject
            governed = m is not None and (m.prepositional or toks[k - 1] in _PREPOSITION_WORDS)
            if m is not None and not governed and m.type and m.type != "unknown" and not m.anaphoric:
                return m, via
            if governed:
                k = m.end
                continue
        k += 1
    return None, via


def find_acts(resolver: Resolver, toks: list[str], tok_starts: list[int], sentences: list[tuple[int, int]],
              sent_starts: list[int], in_quote, state: dict, candidates: list[int] | None = None,
              nouns_only: frozenset = frozenset()) -> list[Act]:
    """The reporting acts of one paragraph (see the module docstring).

    ``nouns_only``: token indices that can only be read as nouns (written with ة: دعوة is
    the noun "a call", never دعوه "they called him").

    ``sentences``: normalised bounds of the document's sentences (``sent_starts``: their
    starts); ``in_quote(pos)``: whether
    a normalised offset lies inside a closed quotation; ``state``: carries ``last_speaker``
    across the paragraphs of a document.
    """
    gz = resolver.gz
    lex = gz.cues
    cue_tokens = lex.tokens
    acts: list[Act] = []
    pending_via = ("", -2)  # a medium named by an according-to phrase before its act

    def sentence_of(pos: int) -> int:
        return bisect.bisect_right(sent_starts, pos) - 1

    def _met(start: int, window: int, needs) -> bool:
        return _requirement_met(toks, start, window, needs, stop=cue_tokens)

    for i in lex.candidates(toks) if candidates is None else candidates:
        cue = noun_cue_at(lex, toks, i) if i in nouns_only else cue_at(lex, toks, i)
        if cue is None or in_quote(tok_starts[i]):
            continue
        kind, needs, conj, width = cue
        if kind == "verb" and _strip(toks[i]) == "عبر" and is_medium_preposition(resolver, toks, i):
            continue  # عبر موقع X، عبر حسابه: "through", not عبّر "expressed"
        if kind == "verb" and i > 0 and toks[i - 1] in _PREPOSITIONS_BEFORE_NOUN:
            continue  # وخلال تنقل الوزير: after a preposition the word is a noun, not a verb
        if kind == "verb" and i > 0 and toks[i - 1] in _COUNT_WORDS:
            continue  # 250 ألف طالب وطالبة: after a number the word is the counted noun, not a verb
        if kind == "verb" and i > 0 and toks[i - 1] in ("ما", "مما") and lex.causal_verbs and \
                lex.verbs.get(_strip(toks[i]), ("",))[0] in lex.causal_verbs:
            continue  # وهو ما دعا الإدارة إلى، مما يدعو السائقين: "led to", an event as subject
        pos = tok_starts[i]
        sid = sentence_of(pos)
        s_first = bisect.bisect_left(tok_starts, sentences[sid][0]) if sid >= 0 else 0
        if s_first < len(toks) and toks[s_first] in _LINK_WORDS:
            continue  # رابط الخبر بصحيفة X: «…»: a link line quotes a headline, it reports nothing (H1)
        speaker, resolution, subj_tok, via, fwd, cue_tok = None, "", i, "", None, None
        front = None  # a subject fronted after أنّ/لكنّ (see _fronted_subject)
        front_object_end = i + width  # where the object read after such a verb ends
        name_quote = -1
        last_speaker = state.get("last_speaker")
        after = i + width
        if kind == "verb" and i >= 2 and toks[i - 1] in ("ما", "لما") and \
                (cue_at(lex, toks, i - 2) or ("",))[0] == "according_to":
            continue  # حسب ما نقلت عنه وكالة X: the verb belongs to the according-to phrase
        if kind == "verb" and i >= 1 and toks[i - 1].endswith("ما") and \
                (cue_at(lex, toks, i - 1) or ("",))[0] == "according_to":
            continue  # حسبما ذكرت صحيفة X: likewise, ما glued to حسب
        if kind == "noun" and i > s_first and toks[i - 1] in ("في", "خلال", "وفي", "وخلال") and \
                (via_near_cue(resolver, toks, after, min(len(toks), after + 6))[1] == after or
                 _no_source_after(resolver, toks, after)) and \
                _verb_cue_near(lex, toks, _past_abbreviation(lex, toks, s_first), i):
            # أفاد في تصريحات لإذاعة X / وفي حديث لـ«الصحيفة» قال / a verb, then «في تصريح صحفي», then إن:
            # the noun names the occasion of the verb's act (H3), not an act of its own
            continue
        if kind == "noun" and _strip(toks[i])[:1] == "ب" and i + 1 < len(toks) and toks[i + 1] == "من" and \
                noun_cue_at(lex, toks, i) is not None and _strip(toks[i])[1:] in lex.nouns:
            continue  # بدعوة من الرابطة، بتصريح من الوزارة: "at the invitation / with the permit of"
        if kind == "noun" and i + 1 < len(toks) and lex.other_senses and \
                any(toks[i + 1] in lex.other_senses.get(f, ()) for f in (_strip(toks[i]), _strip(toks[i])[1:])):
            continue  # تصريح عمل "a work permit", شهادة الدكتوراه "a degree": the noun's other sense
        if kind == "noun" and i > 0 and toks[i - 1] in _ADVERB_HEADS:
            continue  # بكل تأكيد "certainly": an adverb of the sentence, no one's act
        if kind == "noun" and _in_according_phrase(lex, toks, i):
            continue  # بحسب تصريحات الوزير، وفقا لتصريحات X: the noun is inside the phrase (H3)
        if kind == "verb" and toks[i].endswith("سلط") and after < len(toks) and toks[after] == "الضوء":
            after += 1
        if kind in ("verb", "noun", "according_to"):
            j = after
            if kind == "according_to":
                while j < len(toks) and j - after < 4 and (toks[j] in lex.according_to_skip or
                                                           _bare(toks[j]) in lex.according_to_skip or
                                                           _strip(toks[j]) in lex.verbs or
                                                           _after_li(toks[j]) in lex.according_to_skip or
                                                           (toks[j] in _TIME_WORDS and toks[j] not in _PUNCT and
                                                            _strip(toks[j - 1]) in lex.verbs)):
                    # (بحسب ما أكده الاتحاد: a reporting verb inside the phrase, one act;
                    # وفقا لتصريحات الوزير: the noun of saying, glued to ل; بحسب ما أعلن
                    # الأربعاء المتحدث: the verb's time before its subject)
                    j += 1
                if j < len(toks) and _bare(_after_li(toks[j]) or toks[j]) in lex.norm_nouns:
                    continue  # وفقا للنظام، حسب الخطة: "in accordance with" a norm, no source
                if j < len(toks) and toks[j] in lex.own_words:
                    # بحسب قوله، حسب وصفها: the words are those of the one who spoke last; with
                    # an act of that speaker in the sentence, the phrase is part of it (H3)
                    if last_speaker is None or (acts and sentence_of(acts[-1].cue_ns) == sid):
                        continue
                    speaker, resolution = last_speaker, "anaphora"
                fwd = None
                if speaker is None and j < len(toks):
                    fwd = _source_after_li(resolver, toks, j) if _after_li(toks[j]) else None
                    fwd = fwd or resolver.mention_at(toks, j)  # (a name that begins with ل)
                quoted, q_end = ("", j)
                # بحسب «X» with a name the lexicon does not know: X may be an outlet or a
                # body (بحسب «المرصد»), so it is taken as the carrier of an act of its
                # sentence, never as a speaker of its own
                bare_quote = fwd is None and j == after and j < len(toks) and toks[j] in _OPENING_MARKS
                if speaker is None and j < len(toks) and \
                        ((fwd is None and (j > after or toks[j] == "ل" or _after_li(toks[j]))) or bare_quote or
                                      (fwd is not None and fwd.type != "media")):
                    # وفقا لما نقلت عنه «الصحيفة»، وفقا لوكالة الأنباء X: a medium the
                    # lexicon does not name
                    quoted, q_end = medium_at(resolver, toks, j)
                if quoted and bare_quote and not (
                        (acts and (sentence_of(acts[-1].cue_ns) == sid or _closes_quote(toks, i))) or
                        _verb_follows(lex, toks, q_end) or
                        _cue_later_in_sentence(lex, toks, q_end, tok_starts, sentences[sid][1])):
                    quoted = ""
                if quoted:
                    if acts and (sentence_of(acts[-1].cue_ns) == sid or _closes_quote(toks, i)):
                        acts[-1].via = acts[-1].via or quoted
                        continue
                    if _verb_follows(lex, toks, q_end) or _cue_later_in_sentence(
                            lex, toks, q_end, tok_starts, sentences[sid][1]):
                        pending_via = (quoted, sid)
                        continue
                    fwd = Mention(j, q_end, quoted, "media")  # the medium is the source (H2)
            elif kind == "verb":
                fwd, via = _subject_after(resolver, toks, j,
                                          telling=lex.verbs.get(_strip(toks[i]), ("",))[0] in TELLING_LEMMAS)
                front = (_fronted_subject(resolver, lex, toks, s_first, i) or
                         _pluperfect_subject(resolver, toks, s_first, i)) if fwd is not None else None
                if front is not None:
                    # أن الحكومة طالبت الدول: the phrase before the verb is its subject, the one
                    # after it the object (with no subject after the verb, the reading before it
                    # already finds the same phrase). The fronted phrase goes through the same
                    # checks as any subject before its verb (below: an act inside another
                    # source's content, a medium passing a source's act on), and the content is
                    # sought after the object (ذكر … في روما خلال مؤتمر مع نظيره أن).
                    front_object_end, fwd = fwd.end, None
                if front is None and (fwd is None or not fwd.type) and not via and \
                        lex.verbs.get(_strip(toks[i]), ("",))[0] not in \
                        TELLING_LEMMAS | lex.carrying | lex.object_then_complement:
                    # (not for verbs whose object comes before their complement, دعا «X» إلى،
                    # انتقد «X» على: the quoted word is whom they call on or criticise)
                    quoted_subject = _quoted_subject(resolver, toks, j)
                    if quoted_subject is not None:
                        fwd, name_quote = quoted_subject, tok_starts[j]
                if front is None and fwd is None and not via and _strip(toks[i]) == "نقل":
                    # ونُقل عن الوزير قوله إن: the agentless passive of passing words on names
                    # their source after عن (the medium, if any, is named elsewhere). Only the
                    # masculine singular: a feminine نقلت has its agent, a medium named before
                    # it (وكانت الوكالة قد نقلت عن …), which is the via of the source's words
                    fwd = _passive_source(resolver, toks, j)
                if fwd is not None and needs == "content":
                    fwd = _trim_at_content(resolver, toks, fwd)
                if fwd is not None and _object_reports(lex, toks, i, fwd, fwd.start + 1):
                    cut = _object_in_subject(resolver, toks, fwd)
                    if cut is not None:  # توقع الوزير سامي فريد ارتفاع الأسعار: the object ends the subject
                        fwd = replace(fwd, end=cut, name=resolver.text(toks, fwd.start, cut),
                                      key=resolver._key(toks[fwd.start:cut]))
            else:
                adjective = kind == "noun" and _adjective_of_noun(resolver, toks, i, j)
                if adjective:
                    j += 1  # في تصريح صحفي، تصريحات صحفية: the press adjective of the noun, no speaker
                fwd = resolver.mention_at(toks, j) if j < len(toks) else None
                if toks[i] in lex.offered_nouns:
                    # قدم الوزير شكره للفريق، رفع تعازيه لذوي …، نقل تهاني القيادة: the giver is the
                    # offering verb's subject, never the genitive or the addressee after the noun
                    fwd = None
                if adjective and fwd is not None and toks[j][0] == "ل" and len(toks[j]) > 3:
                    # في تصريح صحفي للوزير …، … لسامر الفارس مدير التعليم: ل after the noun and its
                    # adjective is the preposition that names whose statement it is, also before a
                    # personal name (which the mention reader would otherwise take with its ل)
                    fwd = _source_after_li(resolver, toks, j)
                    fwd = fwd if fwd is not None and fwd.type and not fwd.anaphoric else None
                elif fwd is not None and fwd.prepositional:
                    fwd = None
            if kind == "noun" and lex.source_nouns and \
                    {toks[i], toks[i][1:], toks[i][2:]} & lex.source_nouns and \
                    (fwd is None or fwd.start != j or not fwd.type or fwd.type == "unknown" or fwd.anaphoric):
                continue  # توقعات المحللين: a forecast is reported only with its source after it
            if fwd is not None and fwd.anaphoric:
                rank = honorific_pronoun_rank(toks[fwd.end - 1])
                if rank and (last_speaker is None or
                             honorific_rank(normalize_text(last_speaker.name).split()) != rank):
                    # وأكد سموه، وقال معاليه: an honorific pronoun stands for the nearest person
                    # named before whose title has its rank (سمو a prince, معالي a minister),
                    # which need not be the last speaker (استقبل الأمير فلان … وأكد سموه)
                    back = honorific_antecedent(
                        resolver, rank, [(toks, fwd.start, None)] +
                        [(t2, len(t2), s2) for t2, s2 in reversed(state.get("paragraphs", ()))])
                    if back is not None:
                        speaker, resolution = resolver.register(back), "anaphora"
                if speaker is None and last_speaker is not None:
                    speaker, resolution = last_speaker, "anaphora"
            elif fwd is not None and fwd.type:
                if kind == "according_to" and fwd.type == "media" and \
                        (_verb_follows(lex, toks, fwd.end) or
                         (_opens_sentence(toks, s_first, i) and _cue_later_in_sentence(
                             lex, toks, fwd.end, tok_starts, sentences[sid][1]))):
                    # "وبحسب وكالة X، قال Y"، "وبحسب وكالة X، فقد … وفق Y": the agency
                    # carries the acts of its sentence.
                    pending_via = (speaker_medium(resolver, toks, fwd), sid)
                    continue
                if kind == "according_to" and acts and (sentence_of(acts[-1].cue_ns) == sid or
                                                        _closes_quote(toks, i)):
                    prev = acts[-1]
                    if fwd.type == "media" and (bare_place_noun(fwd) or (i > 0 and toks[i - 1] == "علي")):
                        continue  # حسب الموقع، على حسب: "depending on (the place)"
                    if fwd.type == "media" and not fwd.noun:
                        # "قال X …، وفق موقع Y": the site is where the words come from (a
                        # survey or study a medium made is a source, not a channel).
                        prev.via = speaker_medium(resolver, toks, fwd)
                        continue
                    if prev.speaker.type == "media":
                        # "ذكر الموقع، نقلا عن X": X speaks, the site passes it on.
                        prev.via, prev.speaker = prev.medium or prev.speaker.name, resolver.register(fwd)
                        prev.resolution = "explicit"
                        state["last_speaker"] = prev.speaker
                        continue
                if kind == "verb" and fwd.type == "media" and lex.verbs.get(_strip(toks[i]), ("",))[0] == "نقل":
                    # نقلت صحيفة X عن Y: Y speaks, X passes the words on.
                    e = fwd.end
                    while e < len(toks) and e - fwd.end < 3 and toks[e] in _TIME_WORDS:
                        e += 1  # نقلت صحيفة X اليوم الخميس عن Y
                    if e + 1 < len(toks) and toks[e] == "عن":
                        src = resolver.mention_at(toks, e + 1)
                        if src is not None and src.type and not src.anaphoric:
                            via, fwd = speaker_medium(resolver, toks, fwd), src
                            # نقلت X عن Y قوله: Y's own noun of saying is the cue (the name
                            # may run on past the title the mention ended on)
                            cue_tok = next((k2 for k2 in range(src.start + 1, min(len(toks), src.end + 5))
                                            if toks[k2] in _SAYING_NOUNS), None)
                            if cue_tok is not None and any(not t[0].isalnum() or t in COMPLEMENTS
                                                           for t in toks[src.end:cue_tok]):
                                cue_tok = None
                            if cue_tok is not None and cue_tok < src.end:  # the name ran on into قوله
                                fwd = replace(src, end=cue_tok, name=resolver.text(toks, src.start, cue_tok),
                                              key=resolver._key(toks[src.start:cue_tok]))
                if fwd.document and kind != "according_to":
                    speaker, resolution = resolver.register(fwd), "anaphora"
                else:
                    speaker, resolution = resolver.register(fwd), "explicit"
        if speaker is None and kind == "verb":
            k = i - 1
            while k >= s_first and toks[k] in AUX:
                k -= 1
            if k >= s_first and toks[k] in RELATIVES:
                back = last_mention(resolver, toks, s_first, k)
                if back is not None:
                    speaker, resolution, subj_tok = resolver.register(back), "relative", back.start
            elif k >= s_first and toks[k] in _SAME_SUBJECT and acts and sentence_of(acts[-1].cue_ns) == sid and \
                    _met(_content_start(resolver, toks, after), 3,
                                     needs if needs in ("that", "content") else
                                     "content" if needs is False and _governs_bi(lex, toks[i]) else True):
                speaker, resolution = _agreeing(resolver, lex, toks[i], kind, _outer(acts).speaker, state), \
                    "continuation"
            else:
                strong_start = conj or _continues(toks, s_first, i, after_comma=False) or \
                    _fronted_before_content(toks, s_first, i)
                back = front if front is not None else \
                    None if strong_start else last_mention(resolver, toks, s_first, i)
                if back is None and conj and toks[i][0] == "و" and \
                        not any(sentence_of(a.cue_ns) == sid for a in acts):
                    # ونعت الحركة القتيل، وقالت …؛ انتقدت الشركة الاتحاد وطالبت …: a verb joined
                    # by و to the verb that opens its sentence, with no subject of its own,
                    # shares that verb's subject, whether or not the first verb reports words
                    back = _opening_subject(resolver, lex, toks, s_first, i)
                    if back is not None and (toks[back.start] in NP_STOP or toks[back.start] in FUNCTION_WORDS or
                                             (back.end - back.start < 2 and
                                              not resolver.token_class(toks[back.start])[0])):
                        back = None  # (وتعثر أثناء …، وتأتي سيطرة …: an adverb or an action noun, no subject named)
                    read_end = back.end if back is not None else i
                    if back is not None:
                        back = _subject_before_object(resolver, toks, back)
                    if back is not None and contradicts(verb_features(lex, toks[i], kind),
                                                        speaker_features(resolver, back.name)):
                        back = None  # واستقبل الوزير السفيرة وقالت: the joined verb is not the opening subject's
                    if back is not None and last_mention(resolver, toks, read_end, i) is not None:
                        back = None  # another source named between: which one the verb continues is unclear
                        # (after the opening verb's object: that object is no other speaker)
                if back is None and not conj:
                    back = _pluperfect_subject(resolver, toks, s_first, i)
                if back is None and (toks[i][0] == "ف" or toks[i - 1] == "فقد") and i > s_first:
                    # أما الوزير فقال / أما الوزير، فقد قال: the subject is fronted by أما
                    # (back to the sentence's start: the topic after أما may carry an apposition
                    # of any length before the فـ that takes up the comment)
                    amma = next((k2 for k2 in range(i - 1, s_first - 1, -1)
                                 if toks[k2] in ("اما", "واما")), None)
                    if amma is not None:
                        back = resolver.mention_at(toks, amma + 1)
                if back is not None and acts and sentence_of(acts[-1].cue_ns) == sid and \
                        any(t in COMPLEMENTS or t == ":" for t in toks[acts[-1].tok:i]):
                    if acts[-1].speaker.type == "media" and back.start > acts[-1].tok:
                        # كشفت صحيفة X أن إدارة الحديقة نبهت: the medium passes on a source's act
                        via = via or acts[-1].medium or acts[-1].speaker.name
                        if acts[-1].lemma == "نقل" and back.type != "media":
                            # نقلت وكالة X أن Y قال: a transmission verb is no act of the medium's
                            # when its source's own verb follows (H2)
                            acts.pop()
                    elif not _contrast_opens(toks, back.start):
                        back = None  # the verb sits inside content reported by someone else
                if back is not None and back.type and not back.anaphoric and \
                        (not needs or _met(after, 8, needs) or
                         (back is front and _met(_content_start(resolver, toks, front_object_end), 10, needs))):
                    speaker, resolution, subj_tok = resolver.register(back), "preceding", back.start
                elif last_speaker is not None and not _explicit_only(lex, toks[i]) and \
                        (_topic_fronted(toks, s_first, i) or _met(_content_start(resolver, toks, after), 3,
                                         needs if needs in ("that", "content") else
                                         "content" if needs is False and _governs_bi(lex, toks[i]) else True)) \
                        and (conj or _continues(toks, s_first, i) or _fronted_before_content(toks, s_first, i)):
                    speaker, resolution = last_speaker, "continuation"
                    if _collective(speaker) and not _plural_verb(lex, toks[i]):
                        # a verb with no subject agrees with the one it continues: a singular
                        # one does not continue a group (عدد من الطلاب …، وقالت)
                        speaker = state.get("last_single")
                    speaker = _agreeing(resolver, lex, toks[i], kind, speaker, state)
        if speaker is not None and kind == "verb" and speaker.type == "media" and resolution != "explicit" and \
                lex.verbs.get(_strip(toks[i]), ("",))[0] == "نقل":
            # وكانت وكالة X قد نقلت عن Y قوله، ونقلت عن Y (the agency named before): the
            # transmission verb with its medium before it, or left out, still passes on the
            # words of the source after عن, who speaks (H2), with the medium as via
            passed = _passed_on_source(resolver, toks, after)
            if passed is not None:
                src, cue_tok = passed
                via = speaker.name
                speaker, resolution, subj_tok = resolver.register(src), "explicit", src.start
                fwd = src
        if speaker is None and kind == "noun":
            support = _support_subject(resolver, lex, toks, s_first, i)
            if support is not None:
                k_verb, m = support
                if acts and acts[-1].tok == k_verb:
                    continue  # أعاد التأكيد أن: the support verb was already taken as the cue
                if m is not None:
                    speaker, resolution, subj_tok = resolver.register(m), "explicit", m.start
                elif last_speaker is not None and (toks[k_verb][0] in "وف" or _continues(toks, s_first, k_verb)):
                    speaker, resolution = last_speaker, "continuation"
        if kind == "participle" and lex.participles.get(_strip(toks[i])) == "قائل" and acts and \
                sentence_of(acts[-1].cue_ns) == sid and \
                not any(t in COMPLEMENTS or t in QUOTE_FAMILY for t in toks[acts[-1].tok + 1:i]):
            continue  # وأوضح X قائلا: …: قائلا introduces the words of the verb before it
        if speaker is None and kind == "participle":
            same_sentence = [a for a in acts if sentence_of(a.cue_ns) == sid]
            opening = None if same_sentence else _opening_subject(resolver, lex, toks, s_first, i)
            if same_sentence:
                speaker, resolution = _outer(same_sentence).speaker, "continuation"
            elif opening is not None:
                speaker, resolution, subj_tok = resolver.register(opening), "preceding", opening.start
            elif acts:
                speaker, resolution = _outer(acts).speaker, "continuation"
            if speaker is not None:
                speaker = _agreeing(resolver, lex, toks[i], kind, speaker, state)
            elif complement_within(toks, after, 2):
                back = last_mention(resolver, toks, s_first, i)
                if back is not None:
                    speaker, resolution, subj_tok = resolver.register(back), "preceding", back.start
                elif last_speaker is not None and i > 0 and toks[i - 1] in ("،", ","):
                    speaker, resolution = last_speaker, "continuation"
        if speaker is not None and kind == "verb" and needs:
            # (a subject fronted after أنّ is as sure as one after the verb: the same reach)
            window = 10 if resolution == "explicit" or front is not None else 4
            # The content follows the subject (وقال فلان، الذي …، إن) and the medium it spoke to
            # (كشف المتحدث باسم المديرية …، فلان لـ«الصحيفة»، أن): look from their end.
            start = fwd.end if resolution == "explicit" and fwd is not None and fwd.end > after else \
                front_object_end if front is not None and speaker is not None and subj_tok == front.start else after
            if start > after:
                name, _, end = via_near_cue(resolver, toks, start, len(toks))
                if name:
                    start, via = past_relative(toks, end), via or name
            content = _content_start(resolver, toks, start)
            if start > after:
                while content < len(toks) and (toks[content] in ("،", ",") or toks[content] in _ADVERBS):
                    content += 1  # وكشف الوزير، أمس، عن …
            if resolution == "explicit" and fwd is not None and _object_reports(lex, toks, i, fwd, content):
                met = True  # توقعت الشركة إيرادات، رجح المحللون تراجعا: the object is the content
            elif _explicit_only(lex, toks[i]):
                met = _met(content, 3 if start > after else window, needs)
            elif start > after and needs is True:
                # far from the verb only أن, a colon or a quotation opens its content; a
                # preposition must follow the subject closely (اختتمت أشغال … بإشعاع … على)
                met = _met(content, 3, True) or _met(content, window, "that") \
                    or _met(_content_start(resolver, toks, after), window, True)
            else:
                met = _met(content, window, needs) or \
                    (start > after and _met(_content_start(resolver, toks, after), window, needs))
            if not met:
                speaker = None
        if speaker is None:
            continue
        if kind == "verb" and lex.verbs.get(_strip(toks[i]), ("",))[0] in lex.after_subject_only and \
                (resolution != "explicit" or
                 (fwd is not None and fwd.end - fwd.start == 1 and not toks[fwd.start].startswith("ال") and
                  toks[fwd.start].endswith("ا"))):
            # طائرات يعتقد أنها، الذي يعتقد أنه: the agentless passive يُعتقد "is believed"; an
            # accusative adverb after it (ويعتقد جازما أن) is no subject either
            continue
        if not via and kind in ("verb", "noun", "participle"):
            # the medium may follow the subject and its apposition (وقال X، الناطق باسم …،
            # لـ«الصحيفة»): look from the end of the subject named after the verb
            subj_end = fwd.end if resolution == "explicit" and fwd is not None and fwd.end > after else after
            via = via_near_cue(resolver, toks, subj_end, len(toks))[0]
            if not via and subj_end > after:
                # or stand between the verb and its subject (وقال لـ«الصحيفة» فلان)
                via = via_near_cue(resolver, toks, after, subj_end)[0]
            if not via and lex.verbs.get(_strip(toks[i]), ("",))[0] in TELLING_LEMMAS:
                # أبلغ مصدر «الصحيفة» أن، أفاد «الصحيفة» مسؤول: the medium told is the object
                via = via_as_object(resolver, toks, subj_end, len(toks))[0] or \
                    via_as_object(resolver, toks, after, len(toks))[0]
        if not via and kind in ("verb", "noun"):
            # a fronted phrase of occasion: وفي تصريحات لوسائل إعلام، أوضح الوزير …
            via = via_before_cue(resolver, toks, s_first, i)
        if not via and kind in ("verb", "participle", "noun"):
            # a phrase of occasion closing the sentence: قال X «…»، في تصريحات لصحيفة Y
            s_end = bisect.bisect_left(tok_starts, sentences[sid][1]) if sid >= 0 else len(toks)
            via = via_after_content(resolver, toks, i + width - 1, s_end,
                                    lambda k: cue_at(lex, toks, k) is not None)
        if not via and kind == "according_to" and resolution == "explicit" and fwd is not None and \
                speaker.type != "media":
            # وفقا لما قاله مسؤول لوكالة X، بحسب مصادر تحدثت لـ«X»: the source spoke to X
            via = via_of_according_source(resolver, toks, fwd.end, len(toks))
        if not via and pending_via[1] == sid:
            via = pending_via[0]
        c = cue_tok if cue_tok is not None else i
        w = 1 if cue_tok is not None else width
        medium = speaker_medium(resolver, toks, fwd) \
            if speaker.type == "media" and resolution == "explicit" and fwd is not None else ""
        if via and medium and via == medium:
            # وأفادت وكالة X بأن …: the medium told is read where the subject stands; a
            # medium cited for its own content is the speaker, not its own via (H2)
            via = ""
        acts.append(Act(c, tok_starts[c], tok_starts[c + w - 1] + len(toks[c + w - 1]), kind, speaker,
                        resolution, tok_starts[subj_tok], via, medium,
                        lex.verbs.get(_strip(toks[i]), ("",))[0] if kind == "verb" else "",
                        name_quote=name_quote if resolution == "explicit" else -1))
        act = acts[-1]
        _note_features(lex, toks, i, kind, resolution, fwd, after, speaker, state)
        act.embedded = _embedded(toks, acts, sentence_of, sid, i, resolution)
        if act.embedded:
            continue  # a speaker inside reported content is not the one the next act continues
        state["last_speaker"] = speaker
        if not _collective(speaker):
            state["last_single"] = speaker
        recent = [s2 for s2 in state.get("recent", ()) if s2 is not speaker][-5:]
        state["recent"] = recent + [speaker]
    return acts


# Words that may stand before the verb opening a sentence (كما أشاد الزائر …).
_OPENING_PARTICLES = W["continuation_particles"]


_CLOSING_MARKS = frozenset({"»", "”", '"', "’"})


def _quoted_subject(resolver: Resolver, toks: list[str], j: int, longest: int = 4) -> Mention | None:
    """A subject in quotation marks right after its verb, followed by the verb's complement
    (وأوضح «العمري» أن، وقالت "الشركة" إنها، وأعلنت «الهيئة» عن): Arabic papers often quote the
    short name of a person, a company or a body they named in full elsewhere in the article.
    The name is one to ``longest`` words of no function word, closed before أن، إن، عن، إلى،
    على or a colon, and its last word stands elsewhere in the document too; it is typed as the
    lexicon reads its words, else left ``unknown`` for the document's other mentions to type.
    A quotation that opens the words themselves (وتابع «لن نتراجع» عن …) holds a particle,
    runs on, or has words the article does not use elsewhere, and is no name. Not for verbs of
    telling, whose quoted object is the medium told (أبلغ «الصحيفة» أن), nor for verbs of
    carrying, whose quoted object is carried (نقل «المصاب» إلى المستشفى)."""
    n = len(toks)
    if j >= n or toks[j] not in _OPENING_MARKS:
        return None
    k = j + 1
    while k < n and k - j <= longest and toks[k][:1].isalnum():
        k += 1
    if k == j + 1 or k >= n or toks[k] not in _CLOSING_MARKS or k + 1 >= n:
        return None
    words = toks[j + 1:k]
    if any(w in FUNCTION_WORDS or w in AUX or w in THAT or w in resolver.gz.cues.tokens or
           w in _PERSONAL_PRONOUNS for w in words):
        return None  # (وقال «نحن» على حق: a pronoun quoted opens the words, it names no one)
    after = toks[k + 1]
    if not (after in COMPLEMENTS or after == ":"):
        return None
    if _occurrences(resolver, words[-1]) < 2:
        return None  # the short name of someone the article names elsewhere (العمري after حمدان العمري)
    # the name read as if unquoted, so that a surname or a body the article named before is
    # that speaker (read uncached: the paragraph's cache holds the quoted words' positions)
    surface, w = resolver.surface, len(words)
    shift = (lambda x: x if x < j else x + 1 if x < j + w else x + 2)  # back to the quoted positions
    resolver.surface = lambda a, b, _t: surface(shift(a), shift(b - 1) + 1 if b > a else shift(a), toks)
    try:
        inner = resolver._mention_at(toks[:j] + words + toks[k + 1:], j)
    finally:
        resolver.surface = surface
    if inner is not None and inner.end == k - 1 and inner.type and not inner.anaphoric and \
            not inner.prepositional:
        return replace(inner, start=j, end=k + 1)
    return Mention(j, k + 1, resolver.text(toks, j + 1, k), "unknown", key=resolver._key(words))


def _passive_source(resolver: Resolver, toks: list[str], j: int) -> Mention | None:
    """The source of an agentless نُقل at ``j``: X in نُقل [اليوم] عن X [قوله], else
    None. A pronoun after عن (نُقل عنه) is left to the speaker the sentence continues; the
    transmission verb stays the cue (H2: no verb of the source's own)."""
    n = len(toks)
    e = j
    while e < n and e - j < 3 and (toks[e] in _TIME_WORDS or toks[e] == "يوم"):
        e += 1  # نُقل أمس عن …، نُقل يوم الأحد عن …
    if e + 1 >= n or toks[e] != "عن":
        return None
    src = resolver.mention_at(toks, e + 1)
    if src is not None and any(t == "الي" for t in toks[src.end:src.end + 4]):
        return None  # ونُقل عن المدرسة الأثاث إلى المستودع: moved from a place, no source's words
    saying = None if src is None else \
        next((k for k in range(src.start + 1, src.end) if toks[k] in _SAYING_NOUNS), None)
    if saying is not None:  # the name ran on into قوله
        src = replace(src, end=saying, name=resolver.text(toks, src.start, saying),
                      key=resolver._key(toks[src.start:saying]))
    return src


def _occurrences(resolver: Resolver, tok: str) -> int:
    """How often ``tok`` stands as a whole word in the document (str.find at C speed)."""
    text = getattr(resolver, "_document", "") or ""
    n, pos = 0, text.find(tok)
    while pos >= 0:
        end = pos + len(tok)
        if (pos == 0 or not text[pos - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            n += 1
        pos = text.find(tok, end)
    return n


def _adjective_of_noun(resolver: Resolver, toks: list[str], i: int, j: int) -> bool:
    """Whether the word at ``j`` right after the noun cue at ``i`` is the noun's adjective, not
    its source: both are indefinite and the word is a relative adjective in ي/ية that is also a
    role word (تصريح صحفي، تصريحات صحفية، بيان إعلامي: "a press statement"). An indefinite noun
    takes its indefinite nisba as an adjective; a source after a noun of statement is named
    definite or with a name (تصريح الوزير، تصريحات لسامر الفارس), and a journalist speaking
    would be the subject of a verb. A nationality (بيان سعودي) is left to the source reading."""
    if j >= len(toks) or toks[i].startswith(("ال", "وال", "بال", "لل", "فال")):
        return False
    t = toks[j]
    b = _bare(t)
    return not t.startswith(("ال", "لل")) and b.endswith(("ي", "يه")) and \
        resolver.role_of(t) is not None and not resolver.country_of([t])


def _opening_subject(resolver: Resolver, lex, toks: list[str], s_first: int, i: int) -> Mention | None:
    """The subject of the verb that opens the sentence of a participle at ``i`` when that verb
    reports nothing (وأشاد الزائر فلان بالمهرجان، مؤكدا …، واتفق الوكيل مع المدير على …،
    مشددا): a circumstantial participle describes the subject of its own clause, not a
    speaker of an earlier sentence. None when the sentence opens otherwise (with a noun,
    a preposition, an article) or the subject is not a source named after the verb."""
    k = s_first
    while k < i and toks[k] in _OPENING_PARTICLES:
        k += 1
    if k + 1 >= i:
        return None
    v = toks[k]
    if not (v[:1] in "وف" or k > s_first) or len(v) < 4 or v.startswith(("ال", "وال", "فال", "لل", "ولل")) or \
            v in _FRONTED or v in _PREPOSITIONS_BEFORE_NOUN or v in lex.tokens or \
            v in _LINK_WORDS or resolver.token_class(v)[0] or resolver.token_class(v)[1]:
        return None
    m = resolver.mention_at(toks, k + 1)
    if m is None or m.prepositional or m.anaphoric or not m.type or m.type == "unknown" or m.end > i or \
            any(t in COMPLEMENTS or t == ":" for t in toks[k + 1:m.end]):
        # (quotation marks inside the subject are those of a name, a body's
        # (mentions.Resolver._quoted_name_end) or a medium's: a noun phrase stops at quoted words)
        return None
    return m


def _subject_before_object(resolver: Resolver, toks: list[str], m: Mention) -> Mention:
    """The opening verb's subject without the object read into it (VSO: واستقبل الوزير
    السفيرة الأمريكية → الوزير): the object begins at a definite role word right after a
    definite role word (two titles in a row are two persons; an adjective of the title is
    no role word: الرئيس التنفيذي). (Not at a verbal noun: in a construct it is part of the
    name, مديرة وحدة تطوير المدارس.)"""
    cut = None
    for k in range(m.start + 1, m.end):
        if toks[k].startswith("ال") and toks[k - 1].startswith(("ال", "وال", "فال")) and \
                resolver.role_of(toks[k]) is not None and resolver.role_of(toks[k - 1]) is not None:
            cut = k
            break
    if cut is None:
        return m
    # (the country came from the words cut off, the object's: السفيرة الأمريكية)
    return replace(m, end=cut, name=resolver.text(toks, m.start, cut), key=resolver._key(toks[m.start:cut]),
                   country=resolver.country_of(toks[m.start:cut]) if m.country else m.country)


def _outer(acts: list[Act]) -> Act:
    """The last act not embedded in another's content (the last act when all are)."""
    return next((a for a in reversed(acts) if not a.embedded), acts[-1])


def _embedded(toks: list[str], acts: list[Act], sentence_of, sid: int, i: int, resolution: str) -> bool:
    """Whether the act just found at ``i`` lies inside the content of the sentence's earlier
    act (ذكر المجلس أن الحكومة تتوقع …، وأضافت أنه بعد … أكدت مصادرنا): its speaker is a
    source the first one quotes, and a later act with no subject (وأضاف، مشيرا) continues the
    reporting speaker. Not when that one is a medium passing on a source's words (ذكرت
    الصحيفة أن الوزير قال …، وأضاف), nor for a verb that opens a clause of its own after a
    comma or with و (…، وأكد الوزير)."""
    if len(acts) < 2 or resolution in ("continuation", "anaphora"):
        return False
    outer = _outer(acts[:-1])
    if sentence_of(outer.cue_ns) != sid or outer.speaker is acts[-1].speaker or outer.speaker.type == "media":
        return False
    if not any(t in COMPLEMENTS or t == ":" for t in toks[outer.tok + 1:i]):
        return False
    if resolution in ("preceding", "relative"):
        return True
    return resolution == "explicit" and i > 0 and toks[i][:1] not in "وف" and toks[i - 1] not in _PUNCT and \
        toks[i - 1] not in _CONTINUATION_BEFORE


def _note_features(lex, toks: list[str], i: int, kind: str, resolution: str, fwd: Mention | None, after: int,
                   speaker: Mention, state: dict) -> None:
    """Keep the gender (and number) the verb of an act with its own subject shows for its
    speaker. A verb before its subject is singular whatever the subject's number (قال
    المسؤولون), so it tells only the gender; a subject before the verb agrees fully. When the
    subject named is not the speaker's name itself (وأفاد تقرير مؤسسة النقد, masculine for a
    feminine name; أشار التقرير for the company that issued it), neither verb nor name is
    trusted. Continuations tell nothing: they may themselves be wrong."""
    if resolution not in ("explicit", "preceding", "relative"):
        return
    g, n = verb_features(lex, toks[i], kind)
    if resolution == "explicit":
        n = ""
        if fwd is None or fwd.document or fwd.noun or fwd.start > after + 2:
            state.setdefault("feats", {})[id(speaker)] = ("", "", False)
            return
    state.setdefault("feats", {})[id(speaker)] = (g, n, True)


def _features(resolver: Resolver, speaker: Mention, state: dict) -> tuple[str, str]:
    """A speaker's gender and number: as its last verb showed them, completed from its name."""
    g, n, trust_name = state.get("feats", {}).get(id(speaker), ("", "", True))
    if _collective(speaker):
        n = "pl"  # عدد من الزوار: a group, whatever the verb before it showed
    if (g and n) or not trust_name:
        return g, n
    g2, n2 = speaker_features(resolver, speaker.name)
    return g or g2, n or n2


def _agreeing(resolver: Resolver, lex, tok: str, kind: str, cand: Mention | None, state: dict) -> Mention | None:
    """The speaker a subjectless verb or participle continues: ``cand`` unless its gender or
    number contradicts the verb's (وأضافت after a man, مضيفا after الحكومة, وقال after
    المسؤولين); then the most recently cited speaker the verb agrees with, if any."""
    if cand is None:
        return cand
    verb = verb_features(lex, tok, kind)
    if not verb[0] and not verb[1]:
        return cand
    if not contradicts(verb, _features(resolver, cand, state)):
        return cand
    for s2 in reversed(state.get("recent", ())):
        if s2 is cand:
            continue
        feats = _features(resolver, s2, state)
        if (feats[0] or feats[1]) and not contradicts(verb, feats):
            return s2
    return cand


def _collective(m: Mention) -> bool:
    """Whether a speaker is a group named by a quantifier (عدد من الطلاب، بعض النقاد)."""
    first = m.name.split(maxsplit=1)[0] if m.name else ""
    return normalize_text(first) in QUANT_STARTS


def _plural_verb(lex, tok: str) -> bool:
    """Whether a cue verb form is plural or dual (قالوا، يقولون، أكدوه): a group may be its
    subject. Number comes from the forms the lexicon generates for the verb, not from the
    word's last letters (أدان، يبين are singular)."""
    return tok in lex.plural_verbs or _strip(tok) in lex.plural_verbs


# The verb كان opening a pluperfect (وكان الوزير قد أعلن): its subject stands between it
# and the reporting verb.
_KANA = W["kana"]

# أنّ/إنّ and لكنّ before a noun phrase that a reporting verb follows (see _fronted_subject).
_FRONTED_SUBJECT_PARTICLES = W["fronted_subject_particles"]
# عن طريق "by way of" (no source after نقل عن) and personal pronouns (no quoted short name).
_BY_MEANS_OF = W["by_means_of"]
_PERSONAL_PRONOUNS = W["personal_pronouns"]


def _object_pronoun(lex, tok: str) -> bool:
    """Whether the verb ``tok`` carries an object pronoun (نفاها، أكده): the lexicon knows
    the verb without it. (Verbs whose last root letter is ه, نوّه، نبّه، وجّه, are no verb
    once the letter is taken off.)"""
    b = _strip(tok)
    return any(b.endswith(p) and len(b) - len(p) >= 2 and b[:-len(p)] in lex.verbs for p in ATTACHED_PRONOUNS)


def _fronted_subject(resolver: Resolver, lex, toks: list[str], s_first: int, i: int) -> Mention | None:
    """The subject of the verb at ``i`` when it stands before it, right after أنّ/إنّ or
    لكنّ (ذكرت الصحيفة أن الحكومة الجديدة طالبت الدول …، لكن المدرب نفى الأنباء): these
    particles govern a noun, never a verb, so the noun phrase between one of them and the
    verb (with قد or an auxiliary before the verb) is the subject, and the verb's own
    subject is the pronoun it carries; a noun after the verb is then its object, not its
    subject. Not when the verb carries an object pronoun: then the fronted phrase is the
    topic the pronoun takes up (أن هذه الرواية نفاها المتحدث), and the subject follows."""
    if _object_pronoun(lex, toks[i]) or (i + 1 < len(toks) and preposition_with_pronoun(toks[i + 1])):
        # (أن اللاعب قال عنه المدرب: a pronoun on the preposition after the verb takes up the
        # fronted phrase as a topic, like one on the verb; the subject follows)
        return None
    if _strip(toks[i]) != toks[i] and _strip(toks[i]) in lex.verbs:
        return None  # وأكد، فقال: a verb joined by و/ف starts a clause of its own, it is no predicate of the phrase before it
    k = i - 1
    while k >= s_first and toks[k] in AUX:
        k -= 1  # أن الوزارة قد أكدت، لكن الوزير لم ينف
    for p in range(k - 1, max(s_first, k - 12) - 1, -1):
        if toks[p] not in _FRONTED_SUBJECT_PARTICLES:
            continue
        m = resolver.mention_at(toks, p + 1)
        if m is None or m.end != k + 1 or \
                any(t in FUNCTION_WORDS and t not in IN_NAME_PREPOSITIONS for t in toks[m.start + 1:m.end]):
            # (أن الاتفاق رحب به الوزير: a noun that names no source is no mention. The phrase
            # after أنّ has a verb of its own, which the reader of names, not knowing every
            # verb, may read on through: إن الوزير افتتح المبنى ثم أكد، أن البنك حقق أرباحا وفي
            # هذا السياق قال. A function word other than في/من, which stand in descriptions
            # (مصدر في الوزارة، عدد من الطلاب), is never inside a name, so such a phrase is none.)
            return None
        if contradicts(verb_features(lex, toks[i], "verb"), speaker_features(resolver, m.name)):
            return None  # (أن الوزير أكدت: the verb does not agree, the phrase is not its subject)
        return m
    return None


def _object_reports(lex, toks: list[str], i: int, fwd: Mention | None, content: int) -> bool:
    """Whether the verb at ``i`` is one whose object noun is what it reports (``object_content``:
    توقع، رجح، أظهر) and its subject, named right after it, is a source: توقع الوزير
    ارتفاع الأسعار، أظهر التقرير نموا. News gives forecasts and findings so as often as
    with أن; with no source as subject (يُتوقع هطول أمطار، تظهر صور) they stay no act."""
    entry = lex.verbs.get(_strip(toks[i])) or lex.verbs.get(toks[i])
    if entry is None or entry[0] not in lex.object_content or fwd is None or fwd.anaphoric or \
            fwd.type in ("", "unknown") or fwd.prepositional or fwd.start != i + 1:
        return False
    return content < len(toks) and toks[content][0].isalpha() and toks[content] not in COMPLEMENTS and \
        toks[content] not in lex.tokens


def _object_in_subject(resolver: Resolver, toks: list[str], m: Mention) -> int | None:
    """Where the object of a verb of forecasting or showing begins inside the subject read
    after it (توقع الوزير سامي فريد ارتفاع الأسعار → before ارتفاع): a verbal noun, or a word
    with the accusative tanwin (نمواً), which no name carries; None if there is none."""
    for k in range(m.start + 1, m.end):
        t = toks[k]
        if not t.startswith(("ال", "لل")) and (resolver._verbal_noun(t, after_bi=False) or
                                               resolver.ends_in_tanwin(toks, k)):
            return k
    return None


def _in_according_phrase(lex, toks: list[str], i: int) -> bool:
    """Whether the noun cue at ``i`` follows an according-to cue, with at most ما or في
    between (بحسب تصريحات، وفقا لتصريحات، بحسب ما جاء في تصريح): the phrase and its noun
    of saying name one act, cued on the according-to word."""
    k = i - 1
    while k >= 0 and i - k <= 3 and toks[k] in ("ما", "جاء", "ورد", "في"):
        k -= 1
    return k >= 0 and toks[k] in lex.tokens and (cue_at(lex, toks, k) or ("",))[0] == "according_to"


def _after_li(tok: str) -> str:
    """The word an according-to cue governs through a glued ل (وفقا لوزير، طبقا للبيانات):
    the word without it (وزير، البيانات), or "" when ``tok`` carries no ل. وفقا and طبقا
    take their source with ل, written on the word far more often than apart (لـ). (للجنة may
    also be ل + لجنة: :meth:`Resolver.mention_after_li` tries that reading too.)"""
    if len(tok) > 3 and tok[0] == "ل":
        return "ال" + tok[2:] if tok[1] == "ل" else tok[1:]
    return ""


def _source_after_li(resolver: Resolver, toks: list[str], j: int) -> Mention | None:
    """The source named after the glued ل at token ``j`` (ووفقا لوزير المالية → وزير
    المالية), read as if the word stood alone (:meth:`Resolver.mention_after_li`); its
    name loses the ل too."""
    m, lam_word = resolver.mention_after_li(toks, j)
    if m is None or m.prepositional or not m.type:
        return m
    return replace(m, name=name_without_li(m.name, lam_word=lam_word))


def _pluperfect_subject(resolver: Resolver, toks: list[str], s_first: int, i: int,
                        window: int = 25) -> Mention | None:
    """The subject of a reporting verb in a pluperfect, وكان X قد أعلن / وكانت X توقعت:
    the mention right after كان, when it ends before the verb and the verb follows قد
    (the subject may carry a long apposition) or the mention itself. Arabic news puts
    earlier statements in this form, with the subject between the auxiliary and the verb."""
    lo = max(s_first, i - window)
    kana = next((k for k in range(i - 2, lo - 1, -1) if toks[k] in _KANA), None)
    if kana is None:
        return None
    m = resolver.mention_at(toks, kana + 1)
    if m is None or m.anaphoric or m.prepositional or not m.type or m.end > i:
        return None
    if m.end == i or (toks[i - 1] in ("قد", "وقد") and m.end < i):
        return m
    return None


def _content_start(resolver: Resolver, toks: list[str], after: int) -> int:
    """Where a verb's content may begin: after the medium it was said to when one follows
    the verb at once (وصرح لوكالة «النجم» بأن، وأضاف لـ«الصحيفة» أن), and after an
    adverb or the occasion (وأكد كذلك في كلمته على أن)."""
    name, first, end = via_near_cue(resolver, toks, after, min(len(toks), after + 8))
    k = end if name and first == after else after
    k = occasion_end(resolver, toks, k)  # وأضاف، خلال مقابلة معه عبر موقع X، أن
    n = len(toks)
    while k < n:
        if toks[k] in _ADVERBS:
            k += 1
        elif toks[k] in ("في", "خلال") and k + 1 < n and toks[k + 1].endswith(("ه", "ها", "هم")) and \
                not toks[k + 1].startswith("ال"):
            k += 2  # وأكد في كلمته على …: where he said it, then what
        else:
            return k
    return k


def _trim_at_content(resolver: Resolver, toks: list[str], m: Mention) -> Mention:
    """The subject of a verb of promising, threatening or accusing without the ب + verbal
    noun that may follow it (وعدت الحكومة بتعزيز الأمن: the government, not "the
    government with strengthening security")."""
    cut = next((k for k in range(m.start + 1, m.end) if bi_content(toks[k])), None)
    if cut is None:
        return m
    return replace(m, end=cut, name=resolver.text(toks, m.start, cut), key=resolver._key(toks[m.start:cut]))


# Nouns of saying with the source's pronoun after نقلت X عن Y (قوله، قولها، تأكيده).
_SAYING_NOUNS = W["saying_nouns"]


def _opens_sentence(toks: list[str], s_first: int, i: int) -> bool:
    """Whether the cue at ``i`` opens its sentence (after و، ف or a comma at most)."""
    k = i - 1
    while k >= s_first and toks[k] in ("و", "ف", "،", ","):
        k -= 1
    return k < s_first


def _cue_later_in_sentence(lex, toks: list[str], k: int, tok_starts: list[int], sent_end: int,
                           window: int = 40) -> bool:
    """Whether another cue stands after token ``k`` in the same sentence."""
    for j in range(k, min(len(toks), k + window)):
        if tok_starts[j] >= sent_end:
            return False
        if toks[j] in lex.tokens and cue_at(lex, toks, j) is not None:
            return True
    return False


def _verb_cue_near(lex, toks: list[str], s_first: int, i: int, window: int = 12) -> bool:
    """Whether a reporting verb stands within ``window`` tokens of the noun at ``i`` in its
    sentence (no quotation between), whose occasion the noun names."""
    for k in list(range(i - 1, max(s_first, i - window) - 1, -1)) + list(range(i + 1, min(len(toks), i + window))):
        t = toks[k]
        if t in QUOTE_FAMILY or t == ".":
            if k > i:
                break
            continue
        if t in lex.tokens:
            cue = cue_at(lex, toks, k)
            if cue is not None and cue[0] == "verb":
                return True
    return False


def _verb_follows(lex, toks: list[str], k: int) -> bool:
    """Whether a reporting verb comes right after token ``k`` (a comma allowed between):
    the according-to phrase before it names where that act's words were found."""
    if k < len(toks) and toks[k] in ("،", ","):
        k += 1
    cue = cue_at(lex, toks, k) if k < len(toks) else None
    return cue is not None and cue[0] == "verb"


def _closes_quote(toks: list[str], i: int) -> bool:
    """Whether the cue at ``i`` follows a closing quotation mark (…»، حسب وكالة X): it
    names the source of the quotation just closed, even when the quotation held a full
    stop and the sentence splitter cut it from its act."""
    k = i - 1
    if k >= 0 and toks[k] in ("،", ","):
        k -= 1
    return k >= 0 and toks[k] in QUOTE_FAMILY and toks[k] not in ("«", "“")


def _explicit_only(lex, tok: str) -> bool:
    """Whether the verb ``tok`` counts only with a subject of its own (``explicit_only``)."""
    entry = lex.verbs.get(_strip(tok)) or lex.verbs.get(tok)
    return entry is not None and entry[0] in lex.explicit_only


def _governs_bi(lex, tok: str) -> bool:
    """Whether the verb ``tok`` gives its content with ب (نوّه بـ، أشاد بـ، طالب بـ، وصفه بـ):
    ``governs_bi`` of the cue lexicon."""
    form = _strip(tok)
    entry = lex.verbs.get(form) or lex.verbs.get(tok)
    return entry is not None and entry[0] in lex.governs_bi


def _strip(tok: str) -> str:
    return tok[1:] if len(tok) > 3 and tok[0] in "وف" else tok


def _bare(tok: str) -> str:
    from .countries import bare
    return bare(tok)


def _requirement_met(toks: list[str], after: int, window: int, needs, stop=None) -> bool:
    """Whether the content a verb needs (``needs``: see :func:`.cues.cue_at`) begins within
    ``window`` tokens from ``after``; with ``stop`` (the cue forms), not past a cue that
    opens a clause of its own with و or ف (… سجلوا في الدورة، وقال: the colon is وقال's)."""
    if stop:
        for k in range(after, min(len(toks), after + window)):
            if toks[k][0] in "وف" and len(toks[k]) > 3 and toks[k] in stop:
                window = k - after
                break
    if needs is True:
        return complement_within(toks, after, window)
    if needs == "that":
        return complement_within(toks, after, window, that_only=True)
    if needs == "content":
        return content_within(toks, after, window)
    return needs in toks[after:after + window]
