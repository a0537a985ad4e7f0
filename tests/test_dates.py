"""Event dates: one row per case, text → (date, precision) resolved against a publication date."""
from __future__ import annotations

from datetime import date

import pytest

from kg.errors import InputError, KGError
from kg.extract.dates import EventDate, event_date, find_dates

SUN = date(2025, 1, 5)  # a Sunday early in January: month and year boundaries are close
TUE = date(2025, 1, 7)  # a Tuesday
MID = date(2025, 3, 10)  # a Monday in March; February has 28 days

KO_CASES = [
    # absolute
    ("그 회사는 2024년 12월 26일 새 모델을 공개했다", SUN, (date(2024, 12, 26), "day")),
    ("2024년 8월 출시된 모델", SUN, (date(2024, 8, 1), "month")),
    ("2023년 서비스를 시작했다", SUN, (date(2023, 1, 1), "year")),
    ("2024.12.26 배포된 자료", None, (date(2024, 12, 26), "day")),
    ("2024. 8. 1. 발표", None, (date(2024, 8, 1), "day")),
    ("2024년 12월 26일 공개", None, (date(2024, 12, 26), "day")),
    # a bare day: this month, or the month before when that day is still to come
    ("26일 공개했다", date(2025, 1, 28), (date(2025, 1, 26), "day")),
    ("29일 공개했다", SUN, (date(2024, 12, 29), "day")),
    ("29일(현지시간) 공개했다", SUN, (date(2024, 12, 29), "day")),
    ("3일(미국 현지시간) 밝혔다", SUN, (date(2025, 1, 3), "day")),
    ("5일 밝혔다", SUN, (date(2025, 1, 5), "day")),
    ("31일 발표했다", MID, (date(2025, 1, 31), "day")),  # February has no 31st
    ("지난 15일 발표했다", MID, (date(2025, 2, 15), "day")),
    ("지난 10일 발표했다", MID, (date(2025, 2, 10), "day")),  # 지난: before the publication day
    ("오는 15일 시행된다", MID, (date(2025, 3, 15), "day")),
    ("오는 5일 시행된다", MID, (date(2025, 4, 5), "day")),
    # month words and year words
    ("지난달 30일 공개했다", SUN, (date(2024, 12, 30), "day")),
    ("지난달 30일 공개했다", MID, None),  # 30 February does not exist
    ("지난달 출시했다", SUN, (date(2024, 12, 1), "month")),
    ("이달 15일 출시한다", SUN, (date(2025, 1, 15), "day")),
    ("다음달 1일 출시한다", date(2024, 12, 20), (date(2025, 1, 1), "day")),
    ("지난해 12월 공개했다", SUN, (date(2024, 12, 1), "month")),
    ("지난해 12월 26일 공개했다", SUN, (date(2024, 12, 26), "day")),
    ("작년 출시된 모델", SUN, (date(2024, 1, 1), "year")),
    ("지난해 출시된 모델", SUN, (date(2024, 1, 1), "year")),
    ("재작년 설립된 회사", SUN, (date(2023, 1, 1), "year")),
    ("내년 출시할 계획", SUN, (date(2026, 1, 1), "year")),
    ("올해 1분기 매출", SUN, (date(2025, 1, 1), "year")),  # the quarter is not a month: year only
    ("올해 3월 공개", SUN, (date(2025, 3, 1), "month")),
    # month and day without a year: the latest such date not after publication
    ("12월 26일 공개", SUN, (date(2024, 12, 26), "day")),
    ("1월 3일 공개", SUN, (date(2025, 1, 3), "day")),
    ("5월 공개", SUN, (date(2024, 5, 1), "month")),
    ("1월 공개", SUN, (date(2025, 1, 1), "month")),
    ("오는 3월 1일부터 시행", SUN, (date(2025, 3, 1), "day")),
    # days relative to publication
    ("이날 발표했다", SUN, (SUN, "day")),
    ("오늘 발표했다", SUN, (SUN, "day")),
    ("전날 공개했다", SUN, (date(2025, 1, 4), "day")),
    ("어제 공개했다", date(2025, 1, 1), (date(2024, 12, 31), "day")),
    ("지난 화요일 공개했다", TUE, (date(2024, 12, 31), "day")),
    ("화요일 공개했다", TUE, (TUE, "day")),
    ("지난주 화요일 공개했다", date(2025, 1, 9), (date(2024, 12, 31), "day")),
    # vague or not a date at all
    ("지난주 공개했다", SUN, None),
    ("이번 주 공개한다", SUN, None),
    ("557만6000달러(한화 약 78억8000만원)가 들었다", SUN, None),
    ("연산량은 10의 26제곱 회 수준이다", SUN, None),
    ("매개변수 405B 모델", SUN, None),
    ("모델 2.5-맥스를 공개했다", SUN, None),
    ("‘2025 경제정책방향’을 발표했다", SUN, None),
    ("'2025년 경제정책방향'을 발표했다", SUN, None),
    ("2025년 경제정책방향을 발표했다", SUN, None),
    ("3일간 열린 행사", SUN, None),
    ("7일 만에 이용자 100만 명", SUN, None),
    ("30일 이내에 신고해야 한다", SUN, None),
    ("14일 안에 답을 준다", SUN, None),
    ("1일 평균 이용자 3만 명", SUN, None),
    ("2000년대 초반부터", SUN, None),
    ("10년 동안 연구했다", SUN, None),
    ("오늘날 인공지능은", SUN, None),
    ("선두로 내달리는 회사", SUN, None),
    # without a publication date only absolute dates resolve
    ("29일(현지시간) 공개했다", None, None),
    ("지난해 12월 공개했다", None, None),
    ("이날 발표했다", None, None),
]

EN_CASES = [
    # absolute
    ("The model was released June 12, 2024.", SUN, (date(2024, 6, 12), "day")),
    ("It shipped on Aug. 1, 2024.", SUN, (date(2024, 8, 1), "day")),
    ("It shipped on 1 August 2024.", SUN, (date(2024, 8, 1), "day")),
    ("It shipped on the 1st of August, 2024.", None, (date(2024, 8, 1), "day")),
    ("The filing is dated 2024-12-26.", None, (date(2024, 12, 26), "day")),
    ("It launched in June 2024.", None, (date(2024, 6, 1), "month")),
    ("It launched Sept. 2023.", None, (date(2023, 9, 1), "month")),
    ("The lab was founded in 2023.", None, (date(2023, 1, 1), "year")),
    ("It has grown since 2020.", SUN, (date(2020, 1, 1), "year")),
    ("It was built in mid-2024.", SUN, (date(2024, 1, 1), "year")),
    # months and days without a year: the latest not after publication
    ("It launched in June.", SUN, (date(2024, 6, 1), "month")),
    ("It launched in December.", SUN, (date(2024, 12, 1), "month")),
    ("It launched in January.", SUN, (date(2025, 1, 1), "month")),
    ("It launched in early March.", MID, (date(2025, 3, 1), "month")),
    ("It launched last January.", SUN, (date(2024, 1, 1), "month")),
    ("It will launch next March.", MID, (date(2026, 3, 1), "month")),
    ("It launched on March 3.", MID, (date(2025, 3, 3), "day")),
    ("It launched on March 30.", MID, (date(2024, 3, 30), "day")),
    ("It launched on 30 December.", SUN, (date(2024, 12, 30), "day")),
    # relative
    ("The firm said on Tuesday it raised funds.", SUN, (date(2024, 12, 31), "day")),
    ("The firm said on Tuesday it raised funds.", TUE, (TUE, "day")),
    ("The firm said last Tuesday it raised funds.", TUE, (date(2024, 12, 31), "day")),
    ("The firm said Monday it raised funds.", TUE, (date(2025, 1, 6), "day")),
    ("It will vote next Monday.", SUN, (date(2025, 1, 6), "day")),
    ("It said yesterday.", date(2025, 1, 1), (date(2024, 12, 31), "day")),
    ("It said today.", SUN, (SUN, "day")),
    ("It raised funds last year.", SUN, (date(2024, 1, 1), "year")),
    ("It raised funds this year.", SUN, (date(2025, 1, 1), "year")),
    ("It raised funds earlier this year.", MID, (date(2025, 1, 1), "year")),
    ("It raised funds earlier this month.", MID, (date(2025, 3, 1), "month")),
    ("It raised funds last month.", SUN, (date(2024, 12, 1), "month")),
    # vague or not a date
    ("It raised funds last week.", SUN, None),
    ("The context window holds 128,000 tokens.", SUN, None),
    ("A 405B model trained on 2048 GPUs.", SUN, None),
    ("It runs in 2048 tokens of memory.", SUN, None),
    ("Sales grew in the 2020s.", SUN, None),
    ("Executives may change the plan.", SUN, None),
    ("Analysts said Theresa May backed it.", SUN, None),
    ("The report appeared in USA Today.", SUN, None),
    ('The "Vision in 2030" plan was presented.', SUN, None),
    # without a publication date only absolute dates resolve
    ("It launched in June.", None, None),
    ("It said on Tuesday.", None, None),
    ("It raised funds last year.", None, None),
]


def _check(text, lang, published, expected):
    got = event_date(text, lang=lang, published=published)
    if expected is None:
        assert got is None
    else:
        assert got == EventDate(*expected)


@pytest.mark.parametrize("text,published,expected", KO_CASES)
def test_korean_dates(text, published, expected):
    _check(text, "ko", published, expected)


@pytest.mark.parametrize("text,published,expected", EN_CASES)
def test_english_dates(text, published, expected):
    _check(text, "en", published, expected)


def test_english_dates_inside_korean_text():
    got = event_date("회사는 Jan. 20, 2025 발표문에서", lang="ko", published=None)
    assert got == EventDate(date(2025, 1, 20), "day")


@pytest.mark.parametrize(
    "precision,iso", [("day", "2024-12-26"), ("month", "2024-12"), ("year", "2024")]
)
def test_iso_shows_only_the_stated_part(precision, iso):
    assert EventDate(date(2024, 12, 26), precision).iso == iso


def _span(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


SPAN_CASES = [
    # Korean: the date before the trigger, not one later in the sentence
    ("ko", "그 회사는 지난해 12월 모델을 공개했고 29일 후속 모델을 출시했다", "공개", (date(2024, 12, 1), "month")),
    ("ko", "그 회사는 지난해 12월 모델을 공개했고 29일 후속 모델을 출시했다", "출시", (date(2024, 12, 29), "day")),
    # Korean: a date after the trigger only when none precedes it
    ("ko", "모델을 공개했다고 29일 밝혔다", "공개", (date(2024, 12, 29), "day")),
    # the nearest expression is vague: no date rather than a stranger's date
    ("ko", "그 회사는 지난해 12월 모델을, 지난주 후속 모델을 출시했다", "출시", None),
    ("en", "The firm, which raised funds in 2023, released the model on Tuesday.", "released", (date(2024, 12, 31), "day")),
    ("en", "The firm, which raised funds in 2023, released the model on Tuesday.", "raised", (date(2023, 1, 1), "year")),
    ("en", "On Friday, the firm released the model.", "released", (date(2025, 1, 3), "day")),
    ("en", "The firm released the model last week, after raising funds in June.", "released", None),
    ("en", "The firm released the model last week, after raising funds in June.", "raising", (date(2024, 6, 1), "month")),
]


@pytest.mark.parametrize("lang,text,trigger,expected", SPAN_CASES)
def test_nearest_date_to_the_trigger(lang, text, trigger, expected):
    got = event_date(text, lang=lang, published=SUN, span=_span(text, trigger))
    assert got == (EventDate(*expected) if expected else None)


def test_without_span_the_first_resolved_date_wins():
    text = "지난주 행사에서 그 회사는 지난해 12월 공개한 모델을 소개했다"
    assert event_date(text, lang="ko", published=SUN) == EventDate(date(2024, 12, 1), "month")


def test_find_dates_offsets_point_at_the_expression_in_text_order():
    text = "지난해 12월 26일 공개한 모델을 29일(현지시간) 업데이트했고, 이날 가격을 내렸다"
    found = find_dates(text, lang="ko", published=SUN)
    assert [text[s:e] for s, e, _ in found] == ["지난해 12월 26일", "29일(현지시간)", "이날"]
    assert [d.date for _, _, d in found] == [date(2024, 12, 26), date(2024, 12, 29), SUN]


def test_find_dates_never_overlap():
    text = "in June 2024, on June 12, 2024 and 1 August 2024, and since 2020"
    found = find_dates(text, lang="en", published=SUN)
    assert [text[s:e] for s, e, _ in found] == ["June 2024", "June 12, 2024", "1 August 2024", "since 2020"]
    ends = [e for _, e, _ in found]
    starts = [s for s, _, _ in found]
    assert all(e <= s for e, s in zip(ends, starts[1:]))


def test_same_input_same_output():
    text = "지난달 30일 공개했고 지난 화요일 29일(현지시간) 다시 밝혔다"
    first = find_dates(text, lang="ko", published=SUN)
    assert all(find_dates(text, lang="ko", published=SUN) == first for _ in range(3))


def test_unknown_language_is_an_input_error():
    with pytest.raises(InputError) as err:
        event_date("29일", lang="ja", published=SUN)
    assert isinstance(err.value, KGError)
    assert "ja" in str(err.value)


def test_empty_text_has_no_date():
    assert event_date("", lang="en", published=SUN) is None
    assert find_dates("", lang="ko", published=SUN) == []


def _every_day(start: date, days: int):
    from datetime import timedelta

    return [start + timedelta(days=i) for i in range(days)]


@pytest.mark.parametrize("pub", _every_day(date(2023, 12, 1), 800)[::7] + [date(2024, 2, 29), date(2024, 3, 1)])
def test_relative_dates_hold_their_invariants_all_year(pub):
    day = event_date("29일 공개했다", lang="ko", published=pub).date
    assert day.day == 29 and day <= pub and (pub - day).days < 62
    last_month = event_date("지난달 출시", lang="ko", published=pub).date
    assert (last_month.year * 12 + last_month.month) == (pub.year * 12 + pub.month) - 1
    december = event_date("in December", lang="en", published=pub).date
    assert december.month == 12 and december <= pub and (pub - december).days < 366
    tuesday = event_date("last Tuesday", lang="en", published=pub).date
    assert tuesday.weekday() == 1 and 1 <= (pub - tuesday).days <= 7
    on_tuesday = event_date("on Tuesday", lang="en", published=pub).date
    assert on_tuesday.weekday() == 1 and 0 <= (pub - on_tuesday).days <= 6
