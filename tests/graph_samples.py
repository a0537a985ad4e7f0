"""Hand-made extractions about invented companies, models and laws, shared by the graph tests.

Nothing here comes from the evaluation data; every name is made up.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from kg.model import Amount, Article, Entity, Extraction, Fact

ENTITIES = {
    e.key: e
    for e in (
        Entity("nimbus-forge", "Company", (("en", "Nimbus Forge"), ("ko", "님버스포지")), aliases=("NimbusForge",), wikidata="Q999999001"),
        Entity("corvid", "Company", (("en", "Corvid Systems"),), aliases=("코르비드",)),
        Entity("lumen-7", "AIModel", (("en", "Lumen-7"), ("ko", "루멘-7"))),
        Entity("quill-2", "AIModel", (("en", "Quill-2"),)),
        Entity("tern-t1", "Hardware", (("en", "Tern T1"),)),
        Entity("mia", "Government", (("en", "Ministry of Imaginary Affairs"), ("ko", "가상부"))),
        Entity("sda", "Policy", (("en", "Synthetic Data Act"), ("ko", "합성데이터법"))),
        Entity("ada-brightwater", "Person", (("en", "Ada Brightwater"), ("ko", "에이다 브라이트워터"))),
        Entity("skyward", "Project", (("en", "Skyward"),)),
        Entity("freedonia", "Country", (("en", "Freedonia"), ("ko", "프리도니아"))),
    )
}


def make_extraction(
    article_id: str,
    lang: str,
    published: date | None,
    title: str,
    facts: list[tuple[str, str, str | Amount, str, dict]],
    *,
    entities: dict[str, Entity] = ENTITIES,
    url: str | None = None,
) -> Extraction:
    """Build an article whose text is the facts' sentences, with correct offsets.

    ``facts`` rows are (subject, predicate, object, sentence, extra Fact fields).
    """
    text, spans = "", []
    for _, _, _, sentence, _ in facts:
        if sentence not in text:
            text += (" " if text else "") + sentence
        start = text.index(sentence)
        spans.append((start, start + len(sentence)))
    article = Article(article_id, text, lang, title=title, date=published, url=url, source=f"{article_id}.txt")
    built = tuple(
        Fact(s, p, o, sentence, start, end, extra.pop("confidence", 0.9), **extra)
        for (s, p, o, sentence, extra), (start, end) in zip(((*f[:4], dict(f[4])) for f in facts), spans)
    )
    keys = {f.subject for f in built} | {f.object for f in built if isinstance(f.object, str)}
    keys |= {f.claimant for f in built if f.claimant}
    return Extraction(article, tuple(entities[k] for k in sorted(keys) if k in entities), built)


def usd(value: str) -> Amount:
    return Amount(Decimal(value), "USD")


def corpus() -> list[Extraction]:
    """Three articles; one fact (Nimbus Forge released Lumen-7) is stated by two of them."""
    return [
        make_extraction(
            "en-1",
            "en",
            date(2025, 3, 1),
            "Nimbus Forge unveils Lumen-7",
            [
                ("nimbus-forge", "released", "lumen-7", "Nimbus Forge released Lumen-7 on Monday.", {}),
                ("lumen-7", "trainedOn", "tern-t1", "Lumen-7 was trained on Tern T1 chips.", {"confidence": 0.8}),
                (
                    "lumen-7",
                    "developmentCost",
                    usd("12000000"),
                    "Nimbus Forge says building Lumen-7 cost $12 million.",
                    {"modality": "claimed", "claimant": "nimbus-forge", "confidence": 0.75},
                ),
                (
                    "lumen-7",
                    "outperforms",
                    "quill-2",
                    "The company claims Lumen-7 beats Quill-2.",
                    {"modality": "claimed", "claimant": "nimbus-forge", "confidence": 0.6},
                ),
            ],
            url="https://news.example.org/lumen-7",
        ),
        make_extraction(
            "ko-1",
            "ko",
            date(2025, 3, 5),
            "님버스포지, 루멘-7 공개",
            [
                ("nimbus-forge", "released", "lumen-7", "님버스포지가 루멘-7을 공개했다.", {"confidence": 0.85}),
                ("mia", "enacted", "sda", "가상부는 합성데이터법을 시행했다.", {"event_date": date(2025, 3, 4)}),
                ("ada-brightwater", "leads", "nimbus-forge", "에이다 브라이트워터 님버스포지 대표가 말했다.", {}),
                ("nimbus-forge", "basedIn", "freedonia", "프리도니아의 님버스포지는 성장했다.", {"confidence": 0.7}),
            ],
        ),
        make_extraction(
            "en-2",
            "en",
            date(2025, 4, 10),
            "Corvid joins Skyward",
            [
                ("corvid", "manufactures", "tern-t1", "Corvid Systems makes the Tern T1.", {}),
                ("corvid", "participatesIn", "skyward", "Corvid Systems joined the Skyward project.", {}),
                ("skyward", "investment", usd("2500000000"), "Skyward has raised $2.5 billion.", {}),
                ("mia", "repealed", "sda", "The ministry plans to repeal the Synthetic Data Act.", {"modality": "planned"}),
            ],
        ),
    ]
