"""Claimants: one row per case, sentence + reported span → the source noun phrase (invented names)."""
from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.extract.claims import Attribution, attributions, claimant_span


def _claimant(sentence: str, lang: str, trigger: str, nth: int = 0) -> str | None:
    i = -1
    for _ in range(nth + 1):
        i = sentence.index(trigger, i + 1)
    got = claimant_span(sentence, lang=lang, span=(i, i + len(trigger)))
    return sentence[got[0]:got[1]] if got else None


EN_CASES = [
    ("Acme said its Bolt-2 model outperforms Zephyr-9.", "outperforms", "Acme"),
    ("Acme says Bolt-2 outperforms Zephyr-9 on coding.", "outperforms", "Acme"),
    ("Bolt-2 outperforms Zephyr-9, Acme said.", "outperforms", "Acme"),
    ("Bolt-2 outperforms Zephyr-9, said Jane Roe, Acme's chief executive.", "outperforms", "Jane Roe"),
    ("Bolt-2 outperforms Zephyr-9, said the company in a statement.", "outperforms", "the company"),
    ('"Bolt-2 outperforms Zephyr-9," Roe told reporters.', "outperforms", "Roe"),
    ("According to Acme, Bolt-2 outperforms Zephyr-9.", "outperforms", "Acme"),
    ("Bolt-2 outperforms Zephyr-9, according to Acme Labs.", "outperforms", "Acme Labs"),
    ("Bolt-2 outperforms Zephyr-9, according to a statement from Acme Labs.", "outperforms", "Acme Labs"),
    ("Bolt-2 outperforms Zephyr-9, according to Acme's blog post.", "outperforms", "Acme"),
    ("Acme Labs claimed that Bolt-2 outperforms Zephyr-9.", "outperforms", "Acme Labs"),
    ("Acme argued Bolt-2 outperforms Zephyr-9.", "outperforms", "Acme"),
    ("Acme insisted that Bolt-2 outperforms Zephyr-9.", "outperforms", "Acme"),
    ("Acme announced that Bolt-2 outperforms Zephyr-9.", "outperforms", "Acme"),
    ("Acme, which said Bolt-2 outperforms Zephyr-9, raised new funds.", "outperforms", "Acme"),
    ("Jane Roe, Acme's chief executive, said Bolt-2 outperforms Zephyr-9.", "outperforms", "Jane Roe"),
    ("Acme CEO Jane Roe said Bolt-2 outperforms Zephyr-9.", "outperforms", "Acme CEO Jane Roe"),
    ("The company said Bolt-2 outperforms Zephyr-9.", "outperforms", "The company"),
    ("In a statement on Tuesday, Acme said Bolt-2 outperforms Zephyr-9.", "outperforms", "Acme"),
    ("Acme has also said Bolt-2 outperforms Zephyr-9.", "outperforms", "Acme"),
    ("Acme Inc. said Bolt-2 outperforms Zephyr-9.", "outperforms", "Acme Inc."),
    # a pronoun comes back as it is, for the caller's anaphora resolution
    ("Acme released Bolt-2 on Monday, which it said outperforms Zephyr-9.", "outperforms", "it"),
    # the nearest cue wins: Beta makes the claim that Acme reports
    ("Acme said Beta claimed Bolt-2 outperforms Zephyr-9.", "outperforms", "Beta"),
    # "said" with the subject before an appositive, not an inversion
    ("Acme, the robotics group, said the Bolt-2 model outperforms Zephyr-9.", "outperforms", "Acme"),
    ("Acme, the robotics group, said the Bolt-2 model outperforms Zephyr-9.", "Bolt-2", "Acme"),
    # no attribution, or one that does not cover the span
    ("Bolt-2 outperforms Zephyr-9 on coding tasks.", "outperforms", None),
    ("Acme announced Bolt-2, which outperforms Zephyr-9.", "outperforms", None),
    ("Acme released Bolt-2, which Beta said outperforms Zephyr-9.", "released", None),
    # anonymous sources are no claimant
    ("Sources said Bolt-2 outperforms Zephyr-9.", "outperforms", None),
    ("Bolt-2 outperforms Zephyr-9, according to people familiar with the matter.", "outperforms", None),
]

KO_CASES = [
    ("비전랩스는 자사 모델이 경쟁 모델을 능가한다고 밝혔다.", "능가", "비전랩스"),
    ("비전랩스는 볼트-2가 제퍼-9를 능가한다고 설명했다.", "능가", "비전랩스"),
    ("비전랩스는 볼트-2가 제퍼-9를 능가한다고 주장했다.", "능가", "비전랩스"),
    ("비전랩스는 볼트-2가 제퍼-9보다 뛰어나다고 강조했다.", "뛰어나", "비전랩스"),
    ("비전랩스는 볼트-2가 제퍼-9를 앞선다고 전했다.", "앞선", "비전랩스"),
    ("비전랩스 측은 볼트-2가 제퍼-9를 능가한다\"라고 말했다.", "능가", "비전랩스"),
    ("비전랩스는 볼트-2가 제퍼-9를 능가한다며 자신감을 드러냈다.", "능가", "비전랩스"),
    # the phrase before the topic belongs to it; times and connectives do not
    ("중국 스타트업 비전랩스는 볼트-2가 제퍼-9를 능가한다고 주장했다.", "능가", "중국 스타트업 비전랩스"),
    ("이날 비전랩스는 볼트-2가 제퍼-9를 능가한다고 밝혔다.", "능가", "비전랩스"),
    ("이에 대해 비전랩스 측은 볼트-2가 제퍼-9를 능가한다고 반박했다.", "능가", "비전랩스"),
    # inverted: the quote first, then who said it
    ("볼트-2가 제퍼-9를 능가한다고 비전랩스 측은 설명했다.", "능가", "비전랩스"),
    ("\"볼트-2는 제퍼-9보다 뛰어나다\"고 김하늘 비전랩스 대표는 강조했다.", "뛰어나", "김하늘 비전랩스 대표"),
    # according to
    ("비전랩스에 따르면 볼트-2는 제퍼-9를 능가한다.", "능가", "비전랩스"),
    ("비전랩스의 발표에 따르면 볼트-2는 제퍼-9를 능가한다.", "능가", "비전랩스"),
    # the speaker is the first topic, not one inside the quoted content
    ("비전랩스는 볼트-2를 공개하며 이 모델은 제퍼-9를 능가한다고 밝혔다.", "능가", "비전랩스"),
    ("그는 볼트-2가 제퍼-9를 능가한다고 말했다.", "능가", "그"),
    # two attributions in one sentence: each content to its own speaker
    ("알파는 볼트-2를 공개했다고 밝혔고, 베타는 제퍼-9가 볼트-2를 능가한다고 주장했다.", "능가", "베타"),
    ("알파는 볼트-2를 공개했다고 밝혔고, 베타는 제퍼-9가 볼트-2를 능가한다고 주장했다.", "공개", "알파"),
    # a verb's adnominal 는 before a bound noun is no topic; neither is a word ending in 가 (추가)
    ("경쟁이 뒤흔드는 가운데 유럽은 격차를 줄이겠다며 투자를 늘렸다.", "격차", "유럽"),
    ("비전랩스는 결과를 존중한다며 추가 공모에 도전하겠다고 밝혔다.", "존중", "비전랩스"),
    # no attribution, or only an anonymous one
    ("비전랩스는 볼트-2를 공개했다.", "공개", None),
    ("미국에서는 볼트-2가 제퍼-9를 능가한다는 평가가 나온다.", "능가", None),
    ("업계에 따르면 볼트-2는 제퍼-9를 능가한다.", "능가", None),
    ("업계 관계자에 따르면 볼트-2는 제퍼-9를 능가한다.", "능가", None),
]


@pytest.mark.parametrize("sentence,trigger,expected", EN_CASES)
def test_english_claimant(sentence, trigger, expected):
    assert _claimant(sentence, "en", trigger) == expected


@pytest.mark.parametrize("sentence,trigger,expected", KO_CASES)
def test_korean_claimant(sentence, trigger, expected):
    assert _claimant(sentence, "ko", trigger) == expected


def test_span_never_overlaps_the_reported_content():
    sentence = "Acme said Bolt-2 outperforms Zephyr-9."
    i = sentence.index("Acme")
    assert claimant_span(sentence, lang="en", span=(i, i + 4)) is None


def test_attributions_cover_the_content_side():
    sentence = "Bolt-2 outperforms Zephyr-9, Acme said, and Beta said Zephyr-9 is cheaper."
    found = attributions(sentence, lang="en")
    assert all(isinstance(a, Attribution) for a in found)
    pairs = [(sentence[slice(*a.source)], sentence[slice(*a.content)]) for a in found]
    assert ("Acme", "Bolt-2 outperforms Zephyr-9") in pairs
    assert all(not content.startswith(",") for _, content in pairs)
    assert any(source == "Beta" and "cheaper" in content for source, content in pairs)
    assert _claimant(sentence, "en", "outperforms") == "Acme"
    assert _claimant(sentence, "en", "cheaper") == "Beta"


def test_attributions_are_deterministic_and_in_text_order():
    sentence = "알파는 볼트-2를 공개했다고 밝혔고, 베타는 제퍼-9가 볼트-2를 능가한다고 주장했다."
    first = attributions(sentence, lang="ko")
    assert [sentence[slice(*a.source)] for a in first] == ["알파", "베타"]
    assert attributions(sentence, lang="ko") == first


def test_hostile_text_is_only_searched():
    sentence = "Acme said <script>alert(1)</script> outperforms ${x}."
    i = sentence.index("outperforms")
    assert _claimant(sentence, "en", "outperforms") == "Acme"
    assert claimant_span("", lang="en", span=(0, 0)) is None
    assert claimant_span(sentence, lang="en", span=(i, i)) is not None


def test_unknown_language_is_an_input_error():
    with pytest.raises(InputError):
        claimant_span("Acme said so.", lang="fr", span=(10, 12))
