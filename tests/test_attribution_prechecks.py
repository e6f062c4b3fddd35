"""The resolver's cheap pre-checks against its full reading.

Before reading a position word by word, the resolver asks cheap questions that say where a
mention can NOT begin (``Resolver.may_begin``, ``may_name``, ``may_name_typed``,
``_may_be_titled_name``). Each must answer True wherever the full reading could find what
its caller keeps; they are derived by hand from ``Resolver._named`` and its neighbours, so a
new title, group or body rule can silently make one of them too narrow. These tests run the
attribution with every pre-check forced to True (the reference: slower, reads everything)
and with the pre-checks, and require the same rows.
"""
import itertools
import json

import pytest

from analysis.attribution import attribution_records, load_gazetteer
from analysis.attribution.mentions import Resolver
from analysis.corpus import Document

PRECHECKS = ("may_begin", "may_name", "may_name_typed", "_may_be_titled_name")


def _rows(docs, home):
    gz = load_gazetteer()
    return [json.dumps(r, sort_keys=True, ensure_ascii=False, default=str)
            for d in docs for r in attribution_records(d, gz, home_country=home)]


def _reference_rows(docs, home, monkeypatch):
    with monkeypatch.context() as m:
        for name in PRECHECKS:
            m.setattr(Resolver, name, lambda self, *a, **k: True)
        return _rows(docs, home)


# Invented sentences that reach each pre-check's reason to say no and to say yes: a name
# with its title a few words on, a name followed by its group, a body after من, a state
# named by its capital, a known speaker's surname alone, a role word after a verb.
INVENTED = [
    "وقال سامر الفارس مدير إدارة المرور في المدينة إن الحركة عادت. وأضاف الفارس أن الطرق مفتوحة.",
    "وأكد نادر الحربي أحد أعضاء اللجنة أن الاجتماع تأجل، مشيرا إلى أن الموعد الجديد لم يحدد.",
    "وأوضح خالد السالم من هيئة الطيران المدني أن الرحلات مستمرة. وقالت الرياض إن الحدود آمنة.",
    "وذكر المتحدث الرسمي باسم الشرطة أن التحقيق جار، فيما قال شهود إن النار اشتعلت ليلا.",
    "وفي تصريح للصحيفة قال الدكتور هاني العمري أستاذ الاقتصاد بالجامعة إن الأسعار سترتفع.",
    # names of three to five words before their title (the title four to six tokens on)
    "وأشار هشام ثامر غانم العبدلي رئيس جمعية الصيادين إلى أن الموسم بدأ. وكان العبدلي قد حذر من الرياح.",
    "وبين المهندس نايف مطلق سامح آل زيدان، مدير المشروع، أن العمل اكتمل. ورأى آل زيدان أن الكلفة معقولة.",
    "ونقلت الصحيفة عن فواز سليم عواد الحمادي مراسل القناة في المدينة أن الأمطار توقفت.",
    "وتوقع جابر مفلح راشد بن عايض الهاجري الخبير في الأسواق أن ترتفع الأسعار قريبا.",
    # a fronted name of unlisted words, its title four tokens on after a comma
    "وكانت البلدية تحدثت عن أضرار كبيرة. لكن زبيدان عواض قطيمش، رئيس البلدية في القرية، تحدث عن أضرار محدودة.",
]


@pytest.mark.parametrize("home", ["MA", "SA"])
def test_prechecks_change_no_row_on_the_seeds_and_invented_sentences(seeds, home, monkeypatch):
    docs = list(seeds) + [Document(f"inv{i}", t) for i, t in enumerate(INVENTED)]
    fast = _rows(docs, home)
    assert fast, "no rows: the comparison would prove nothing"
    assert fast == _reference_rows(docs, home, monkeypatch)


def test_prechecks_change_no_row_on_saudinewsnet(saudinewsnet, monkeypatch):
    from analysis.corpus import iter_documents

    # 400 articles from two places in the file (different years and outlets)
    docs = list(itertools.islice(iter_documents(saudinewsnet), 0, 200))
    docs += list(itertools.islice(iter_documents(saudinewsnet), 20000, 20200))
    fast = _rows(docs, "SA")
    assert len(fast) > 1000
    assert fast == _reference_rows(docs, "SA", monkeypatch)
