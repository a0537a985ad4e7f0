"""Extraction throughput per language, next to the cost of tokenising the same texts.

    python3 benchmarks/bench_extract.py [FOLDER ...] [--reps 5]

Reads the Korean and English articles of examples/articles and tests/data/invented/articles
(and of any FOLDER given), loads the pipeline once (timed on its own), then times, per
language and over several repetitions:

* full extraction, ``kg.pipeline.Pipeline().extract`` (nlp, mentions, rules, linking);
* tokenisation alone: Kiwi's ``tokenize`` for Korean (the analyser kg itself uses,
  ``kg.nlp.korean.kiwi()``), spaCy's blank English tokenizer for English.

It prints articles/second and characters/second (best and median repetition) and the
ratio extraction time / tokenisation time. Numbers only; nothing is asserted.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_FOLDERS = (ROOT / "examples" / "articles", ROOT / "tests" / "data" / "invented" / "articles")


def read(folders: list[Path]):
    from kg.builder import read_all

    failures: list = []
    articles = read_all(folders, failures)
    for f in failures:
        print(f"skipped: {f}", file=sys.stderr)
    by_lang: dict[str, list] = {}
    for a in articles:
        by_lang.setdefault(a.lang, []).append(a)
    return by_lang


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def repeat(fn, reps: int) -> tuple[float, list[float]]:
    """The first (cold) pass, then ``reps`` timed passes; spaCy's tokenizer caches chunks it has seen."""
    first = timed(fn)
    return first, [timed(fn) for _ in range(reps)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path, help="more folders or files of articles")
    ap.add_argument("--reps", type=int, default=5, help="timed repetitions per measurement")
    args = ap.parse_args(argv)

    by_lang = read([*DEFAULT_FOLDERS, *args.folders])
    if not by_lang:
        print("no articles found", file=sys.stderr)
        return 2

    from kg.ingest import read_text

    t0 = time.perf_counter()
    from kg.pipeline import Pipeline

    pipeline = Pipeline()
    loads = {"import kg.pipeline": time.perf_counter() - t0}
    loads["knowledge base + linker"] = timed(lambda: pipeline.linker)
    for lang, probe in (("en", "Acme released the Foo-1 model."), ("ko", "에이크미는 새 모델 푸-1을 공개했다.")):
        loads[f"extractor + first article ({lang})"] = timed(
            lambda: pipeline.extract(read_text(probe, lang=lang, id=f"probe-{lang}"))
        )
    import spacy

    from kg.nlp.korean import kiwi

    loads["kiwi() (already loaded by the pipeline)"] = timed(kiwi)
    loads['spacy.blank("en")'] = timed(lambda: spacy.blank("en"))
    english = spacy.blank("en")
    korean = kiwi()

    tokenizers = {
        "ko": lambda texts: [korean.tokenize(t) for t in texts],
        "en": lambda texts: [english.make_doc(t) for t in texts],
    }

    print(f"load (once per process), {sum(loads.values()):.2f} s in all")
    for what, seconds in loads.items():
        print(f"  {what:<42} {seconds:7.3f} s")
    print()
    print(f"repetitions: {args.reps} after a first (cold) pass; times are per pass over all articles of a language")
    header = ("lang", "articles", "chars", "stage", "first s", "best s", "median s", "art/s", "chars/s", "ratio")
    rows = []
    for lang in sorted(by_lang):
        articles = by_lang[lang]
        texts = [a.text for a in articles]
        chars = sum(len(t) for t in texts)
        # tokenise first so its cold pass really is cold (extraction runs the same tokenizers)
        tokenize_fn = tokenizers.get(lang)
        tokenize = repeat(lambda: tokenize_fn(texts), args.reps) if tokenize_fn else None
        extract = repeat(lambda: [pipeline.extract(a) for a in articles], args.reps)
        stages = [("extract", extract)] + ([("tokenize", tokenize)] if tokenize else [])
        ratio = statistics.median(extract[1]) / statistics.median(tokenize[1]) if tokenize else float("nan")
        for stage, (first, times) in stages:
            med = statistics.median(times)
            rows.append((
                lang, str(len(articles)), str(chars), stage, f"{first:.4f}", f"{min(times):.4f}", f"{med:.4f}",
                f"{len(articles) / med:,.1f}", f"{chars / med:,.0f}", f"{ratio:.1f}x" if stage == "extract" else "",
            ))
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print("  ".join(h.rjust(w) for h, w in zip(header, widths)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.rjust(w) for c, w in zip(r, widths)))
    print()
    print("ratio = median extraction time / median tokenisation time for the same texts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
