"""A plain-text article takes its date, title, URL and language from <name>.meta.json."""
import datetime as dt
import json

import pytest

from kg.errors import InputError
from kg.ingest import read_articles


def test_sidecar_metadata_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("Zentrix Labs released Quorra-3.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"date": "2025-03-04", "title": "Quorra-3 is out", "url": "https://example.org/q", "id": "q3"}),
        encoding="utf-8",
    )
    [article] = list(read_articles([tmp_path]))
    assert (article.id, article.title, article.date, article.url) == (
        "q3", "Quorra-3 is out", dt.date(2025, 3, 4), "https://example.org/q")


def test_no_sidecar_keeps_the_defaults(tmp_path):
    (tmp_path / "b.txt").write_text("헤드라인\n\n본문입니다.", encoding="utf-8")
    [article] = list(read_articles([tmp_path]))
    assert (article.id, article.date, article.lang, article.title) == ("b", None, "ko", "헤드라인")


@pytest.mark.parametrize("meta, problem", [
    ("{not json", "invalid JSON"),
    ('["a list"]', "expected a JSON object"),
    ('{"date": 20250304}', '"date" must be a string'),
    ('{"date": "March 4"}', "date"),
])
def test_bad_sidecar_names_the_file(tmp_path, meta, problem):
    (tmp_path / "c.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "c.meta.json").write_text(meta, encoding="utf-8")
    errors = []
    assert list(read_articles([tmp_path], on_error=errors.append)) == []
    assert len(errors) == 1 and "c.meta.json" in str(errors[0]) + str(errors[0].source) and problem in str(errors[0])
