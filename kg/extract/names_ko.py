"""Unseen names in Korean text, found by Kiwi morphology and context.

Korean names arrive glued to particles (뉴로웨이브는), in quotes (‘헤일시온-7’), with
English glosses (뉴로웨이브(Neurowave)) and before titles (김민수 뉴로웨이브 대표). The
unit here is the eojeol (a space-separated word) split by Kiwi into a stem and a tail of
particles or copula endings; a stem with a proper noun (NNP) or Latin letters (SL) is a
candidate, typed only where the context says what it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.names import name_key
from kg.extract.mentions import text_of, Mention, lexicon

_QUOTES = "‘’'\"“”「」『』《》〈〉"
_OPEN_Q = "‘'\"“「『《〈"
_TAIL_TAGS = ("J", "VCP", "E", "XSN", "SF", "SP", "SE")
_VERSIONISH = re.compile(
    r"^(?:v?\d+(?:\.\d+)*[a-zA-Z]?|\d+(?:\.\d+)?[BMKbmk]|[A-Z]{1,3}\d*|Pro|Max|Plus|Ultra|Mini|mini|Lite|Flash|Turbo|Nano|Large|Small|Medium|Instruct|Preview|미니|맥스|프로|플러스|울트라|라이트|플래시|터보|나노|라지|스몰|미디엄|온디바이스|오픈)$"
)
_PERSONISH = re.compile(r"^[가-힣]{2,4}$")
# words that describe rather than name: never an entity on their own
GENERIC = frozenset(
    "ai 인공지능 ai모델 모델 llm gpu npu cpu tpu hbm it ict ceo cto cfo ar vr 산업 ai산업 플래그십 플래그십ai 인프라 ai인프라 "
    "데이터센터 ai데이터센터 클라우드 반도체 ai반도체 칩 ai칩 서비스 ai서비스 플랫폼 챗봇 생성형ai 초거대ai 오픈소스 api sw "
    "정부 국회 기업 스타트업 빅테크 글로벌 국내 해외 한국형 차세대 최신 신규 자체 독자 기술 전략 정책 법 계획 사업 프로젝트 "
    "벤처캐피털 투자사 운용사 증권사 대학 대학교 연구진 연구팀 카이스트 "
    "ai기술 ai산업 ai규제 ai정책 ai전략 ai혁신 ai전쟁 ai경쟁 ai시대 ai기업 ai스타트업 gpt".split()
)
_GLOSS = re.compile(r"^(?P<ko>[^()]+?)\((?P<en>[A-Za-z][^()]*)\)(?P<rest>.*)$")


@dataclass(slots=True)
class Eojeol:
    start: int
    end: int
    stem_end: int
    text: str
    tags: tuple[str, ...]

    @property
    def stem(self) -> str:
        return self.text[: self.stem_end - self.start]

    @property
    def tail(self) -> str:
        return self.text[self.stem_end - self.start :]


def eojeols(doc) -> list[Eojeol]:
    """Space-separated words with their particle/ending tail marked by Kiwi tags."""
    out: list[Eojeol] = []
    group: list = []

    def flush():
        if not group:
            return
        stem_end = group[-1].idx + len(group[-1].text)
        for tok in reversed(group):
            if tok.tag_.split("+")[0].startswith(_TAIL_TAGS) and tok is not group[0]:
                stem_end = tok.idx
            else:
                break
        start = group[0].idx
        end = group[-1].idx + len(group[-1].text)
        out.append(Eojeol(start, end, stem_end, text_of(doc)[start:end], tuple(t.tag_ for t in group)))
        group.clear()

    for tok in doc:
        if tok.is_space or tok.tag_ == "_SP":
            flush()
            continue
        group.append(tok)
        if tok.whitespace_:
            flush()
    flush()
    return out


def _strip_quotes(s: str) -> tuple[str, int]:
    """Text without surrounding quotes, and how many characters were cut at the left."""
    left = 0
    while s and s[0] in _QUOTES:
        s, left = s[1:], left + 1
    while s and s[-1] in _QUOTES:
        s = s[:-1]
    return s, left


def _ends_with(stem: str, words) -> str | None:
    for w in sorted(words, key=len, reverse=True):
        if stem.endswith(w) and len(stem) > len(w):
            return w
    return None


def _starts_with_word(text: str, words) -> str | None:
    for w in sorted(words, key=len, reverse=True):
        if text.startswith(w):
            return w
    return None


_GLOSS_SPAN = re.compile(
    r"(?P<ko>[^\s(),‘’'\"“”]+)\((?P<en>[A-Za-z][^()\n]{0,40})\)"
    r"(?P<rest>(?:[\s\-]?(?:\d[A-Za-z0-9.\-]*|(?:맥스|프로|미니|울트라|플러스|라이트|Max|Pro|Mini|Ultra|Plus|Lite|Flash|Turbo)(?![가-힣A-Za-z]))){0,3})"
)
_QUOTED = re.compile(r"[‘'\"“「『《〈](?P<q>[^‘’'\"“”「」『』《》〈〉\n,]{1,40}?)[’'\"”」』》〉]")


def glosses(doc, known: list[Mention], finder) -> list[Mention]:
    """``X(Y)`` and ``X(Y) 2.5-맥스`` spans naming one entity in two languages."""
    out = []
    bounds_end = {t.idx + len(t.text) for t in doc}
    for m in _GLOSS_SPAN.finditer(text_of(doc)):
        rest = m.group("rest") or ""
        end = m.end()
        while end not in bounds_end and end > m.end("en") + 1:
            end -= 1
        ko, en = m.group("ko"), m.group("en")
        full = text_of(doc)[m.start():end]
        rest = text_of(doc)[m.end("en") + 1:end]
        variants = [f"{ko}{rest}", f"{en}{rest}"] if rest.strip() else [ko, en]
        hit = _lookup(finder, [full, *variants])
        if hit:
            keys, types = hit
            out.append(Mention(m.start(), end, full, types, keys, (full, *variants), source="gloss"))
            continue
        parts = [k for k in known if m.start() <= k.start and k.end <= m.end("en")]
        if parts and not rest.strip():
            h = parts[0]
            out.append(Mention(m.start(), m.end("en") + 1, text_of(doc)[m.start():m.end("en") + 1], h.types, h.keys,
                               (ko, en), source="gloss"))
    return out


_GLOSSED_PERSON = re.compile(r"(?<![가-힣])((?:[가-힣]{1,5} ){1,2}[가-힣]{1,5})\(([A-Z][a-zà-ÿ'’-]+(?: [A-Z][a-zà-ÿ'’-]+){1,2})\)")


def glossed_persons(doc, known: list[Mention]) -> list[Mention]:
    """라이언 탄(Ryan Tan): a transliterated name glossed word for word is a person."""
    out = []
    text = text_of(doc)
    for m in _GLOSSED_PERSON.finditer(text):
        ko_words, en = m.group(1).split(" "), m.group(2)
        n = len(en.split())
        if len(ko_words) < n:
            continue
        ko = " ".join(ko_words[-n:])  # 창업자인 라이언 탄(Ryan Tan): the name is the last two words
        start = m.end(1) - len(ko)
        if any(k.start < m.end() and start < k.end for k in known) or any(_generic(w) and len(w) > 1 for w in ko.split()):
            continue
        out.append(Mention(start, m.end(), text[start:m.end()], ("Person",), (), (ko, en), source="gloss"))
    return out


def quotes(doc, finder) -> list[Mention]:
    """Quoted names typed by the words around them: AI 모델 ‘헤일시온-7’, ‘NX-900’ 칩."""
    lex = lexicon("ko")
    words = eojeols(doc)
    out = []
    for m in _QUOTED.finditer(text_of(doc)):
        inner = m.group("q").strip()
        s = m.start("q") + (len(m.group("q")) - len(m.group("q").lstrip()))
        e = s + len(inner)
        if not inner or _generic(inner) or _speech(inner):
            continue
        name, names = _split_gloss(inner)
        hit = _lookup(finder, names)
        if hit:
            out.append(Mention(s, e, inner, hit[1], hit[0], tuple(names), source="quote"))
            continue
        contained = [t for hit in finder.index.scan(name, boundaries=None) for _, t in hit.payloads
                     if t in ("AIModel", "Hardware")]
        if contained and len(set(contained)) == 1:
            out.append(Mention(s, e, inner, (contained[0],), (), tuple(names), source="quote"))
            continue
        prev = [w.stem if w.tail in ("", "인", "이자") else "" for w in words if w.end <= m.start()][-3:]
        glued = text_of(doc)[m.end():m.end() + 1]
        nxt_words = [w for w in words if w.start >= m.end()]
        nxt = [_strip_particle(w.text) for w in nxt_words[:2]] if glued in (" ", "") else []
        t = _type_from_context(name, prev, nxt, lex, finder.places) or _shape_type(name)
        if t is None and _ends_with(name, lex["policy_suffixes"]):
            t = "Policy"  # ‘국가 AI 컴퓨팅 인프라 확충 방안’: quoted, a plan's name
        if t and t != "-":
            out.append(Mention(s, e, inner, (t,), (), tuple(names), source="quote"))
    return out


def _speech(text: str) -> bool:
    """A quoted clause (“해외 칩 의존도를 낮추는 것이 목표”), not a quoted name."""
    return bool(re.search(r"[을를] |[다요죠까]$|것이|라며|겠다", text)) or len(text.split()) > 8


def _strip_particle(w: str) -> str:
    return re.sub(r"(?:을|를|이|가|은|는|의|에|도|와|과|으로|로|에서)$", "", w)


_STRONG_POLICY = ("법률", "특별법", "기본법", "진흥법", "보호법", "법안", "개정안", "시행령", "시행규칙", "행정명령", "법", "규정",
                  "가이드라인", "로드맵", "전략", "정책방향", "지침", "방법", "조치", "규칙", "고시", "조례", "훈령", "예규",
                  "조성계획", "기본계획", "종합계획", "추진계획", "육성계획", "실행계획")
_STRONG_PROJECT = ("프로젝트", "이니셔티브", "팩토리", "메가팩토리", "기가팩토리", "클러스터", "캠퍼스")
_HYPHEN_VERSION = re.compile(r"^[가-힣A-Za-z]{2,}-\d+(?:\.\d+)?[A-Za-z]?$")  # 볼트-2, 루미나-3B
_MAKER_SENTENCE = re.compile(r"^[^.]{0,80}?[’'\"”][을를]\s(?:[^.]{0,20}?\s)?(?:출시|공개|발표|개발|양산|선보|내놓|내놨)")
_STRONG_COMPANY = re.compile(r"^[가-힣A-Za-z]{2,}(?:그룹|전자|반도체|클라우드|텔레콤|홀딩스|로보틱스|모빌리티|테크|랩스|네트웍스|바이오|캐피털|파트너스|벤처스|인베스트먼트|코리아|재팬|차이나)$")
_STRONG_GOV = re.compile(r"[가-힣]{2,}(?:부|처|청|위원회|의회|시의회|도의회|판공실|광역시|특별시|특별자치시|특별자치도)$")
_CITY = re.compile(r"^(?P<place>[가-힣]{2,3})(?:시|도|군|구)$")
# an adnominal verb right before a name says what it is: 개발한 ‘X’, 시행한 ‘X’
_MADE_ADN = re.compile(r"(?:출시|공개|발표|개발|선보|내놓|내세|론칭|탑재)(?:한|된|인|은|했던|해 온)$|선보인$|내놓은$")
_ENACTED_ADN = re.compile(r"(?:제정|시행|통과|발효|서명|공포|의결|가결|채택|도입|폐지|철회|발표|마련)(?:한|된|했던|시킨)$|만들어진$|내놓은$")


def _bare(word: str) -> str:
    """A modifier word without its appositive copula: 로드맵인 → 로드맵 (법인 stays 법인)."""
    for cop in ("이자", "인"):
        if word.endswith(cop) and len(word) > len(cop) + 1 and word not in ("법인", "개인", "기관인"):
            return word[: -len(cop)]
    return word


def _is_head(word: str, nouns) -> bool:
    w = _bare(word)
    return w in nouns or (w.endswith("모델") and "모델" in nouns and len(w) <= 8)


def _type_from_context(stem: str, prev: list[str], nxt: list[str], lex: dict, places=()) -> str | None:
    p1 = prev[-1] if prev else ""
    p2 = " ".join(prev[-2:]) if prev else ""
    n1 = nxt[0] if nxt else ""
    # an event (개발자 행사 ‘GTC 2024’, ‘DAN 23’ 행사) is none of the schema's types
    if _starts_with_word(n1, lex["event_nouns"]) or any(_bare(p) in lex["event_nouns"] or _bare(p).endswith(("행사", "콘퍼런스", "컨퍼런스")) for p in (p1,)):
        return "-"
    # the word after a name is its head noun and decides first: ‘X’ 프로젝트, ‘X’ 모델, X 대표
    if _starts_with_word(n1, lex["titles_lead"]) or _starts_with_word(n1, lex["titles_not_lead"]):
        if _PERSONISH.match(stem) or " " in stem:
            return "Person"
    if _starts_with_word(n1, ("프로젝트", "사업", "이니셔티브")):
        return "Project"
    if _starts_with_word(n1, ("법", "법안", "행정명령", "개정안", "시행령", "규정", "가이드라인")):
        return "Policy"
    for t, key in (("AIModel", "model_nouns"), ("Hardware", "hardware_nouns")):
        if _starts_with_word(n1, lex[key]):
            return t
    # then the word before: AI 모델 ‘X’, 스타트업 X, 합작사 ‘X’, 로드맵인 ‘X’
    for t, key in (("AIModel", "model_nouns"), ("Hardware", "hardware_nouns")):
        words = lex[key]
        if any(_is_head(p, words) for p in (p1, p2)):
            return t
        if p1.endswith(")") and p1.split("(")[0] in words:  # 신경망처리장치(NPU) ‘X’
            return t
    if any(_bare(p) in lex["company_nouns"] for p in (p1, p2)) or n1 in ("사", "사는", "사가", "사의"):
        return "Company"
    if any(_bare(p) in lex["project_suffixes"] or _bare(p) == "합작사" for p in (p1, p2)):
        return "Project"
    if any(_bare(p) in lex["policy_suffixes"] for p in (p1, p2)):
        return "Policy"
    if _ENACTED_ADN.search(p1):
        return "Policy"
    core = re.sub(r"\s?(?:19|20)\d\d$", "", stem)  # ‘AI 반도체 전략 2030’
    if re.search(r"(?:데이터센터|캠퍼스|클러스터|팩토리|프로젝트|이니셔티브)", stem) and not _ends_with(core, lex["policy_suffixes"]):
        return "Project"
    if _ends_with(core, lex["policy_suffixes"]) in _STRONG_POLICY:
        return "Policy"
    if _ends_with(stem, lex["project_suffixes"]) in _STRONG_PROJECT:
        return "Project"
    if _STRONG_GOV.search(stem):
        return "Government"
    if _CITY.match(stem) and name_key(_CITY.match(stem).group("place")) in places:  # 부산시, 광주시
        return "Government"
    if _ends_with(stem, lex["company_suffixes"]):
        return "Company"
    if _MADE_ADN.search(p1):
        return "AIModel"
    return None


def _shape_type(stem: str) -> str | None:
    if re.search(r"\s(?:19|20)\d\d$", stem):
        return None  # ‘GTC 2024’: a year, not a version
    if re.fullmatch(r"[A-Z]{1,4}-?\d{2,4}[A-Z]?", stem):
        return "Hardware"
    if re.search(r"[A-Za-z가-힣]{2,}[-\s]?\d+(?:\.\d+)?(?:\s?[A-Za-z가-힣]+)?$", stem):
        return "AIModel"
    return None


def find(doc, known: list[Mention], finder) -> list[Mention]:
    """Typed mentions of names the knowledge base does not hold."""
    lex = lexicon("ko")
    words = eojeols(doc)
    covered = [(m.start, m.end) for m in known]
    out: list[Mention] = []
    i = 0
    while i < len(words):
        w = words[i]
        if any(s < w.stem_end and w.start < e for s, e in covered):
            i += 1
            continue
        stem_raw = w.stem
        stem, cut = _strip_quotes(stem_raw)
        quoted = cut > 0 or (stem_raw and stem_raw[0] in _OPEN_Q)
        tags = w.tags
        proper = (any(t.startswith(("NNP", "SL")) for t in tags) or quoted
                  or bool(_HYPHEN_VERSION.match(stem))
                  or (len(stem) >= 5 and (_STRONG_GOV.search(stem) or _ends_with(stem, _STRONG_POLICY)))
                  or (len(stem) >= 4 and _STRONG_COMPANY.search(stem)))
        if not stem or not proper or len(stem) < 2:
            i += 1
            continue
        start = w.start + cut
        end = start + len(stem)
        j = i
        if "(" in stem and ")" not in stem:
            # a gloss with spaces: 청운클라우드(Chungwoon Cloud)가 spans two words
            k = i + 1
            while k < len(words) and k - i < 4 and ")" not in words[k].text:
                k += 1
            if k < len(words) and ")" in words[k].text:
                end = words[k].start + words[k].text.index(")") + 1
                j = k
                w = words[k]
        # a quoted name may span several words: ‘AI 기가 팩토리 구축법’
        if quoted and not any(c in w.text[cut:] for c in "’'\"”」』》〉"):
            k = i + 1
            while k < len(words) and k - i < 8:
                closing = next((p for p, c in enumerate(words[k].text) if c in "’'\"”」』》〉"), None)
                if closing is not None:
                    end = words[k].start + closing
                    j = k
                    break
                k += 1
            else:
                i += 1
                continue
        else:
            # version words after a name: 루미나 4.0 VL, 한빛 프로 70B
            while not w.tail and j + 1 < len(words):
                nxt, _ = _strip_quotes(words[j + 1].stem)
                if not _VERSIONISH.match(nxt):
                    break
                j += 1
                end = words[j].start + len(nxt)
                if words[j].tail:
                    break
        if "(" in text_of(doc)[start:end] and ")" not in text_of(doc)[start:end]:
            end = start + text_of(doc)[start:end].index("(")
        name = text_of(doc)[start:end].strip()
        if not name:
            i = j + 1
            continue
        name, names = _split_gloss(name)
        if _generic(name):
            i = j + 1
            continue
        prev = [x.stem if x.tail in ("", "인", "이자") else "" for x in words[max(0, i - 3):i]]
        # the next word is a head noun only when the name carries no particle (‘X’ 모델, not ‘X’과 모델)
        nxt = [x.stem for x in words[j + 1:j + 3]] if not words[j].tail else []
        t = _type_from_context(name, prev, nxt, lex, finder.places)
        from_shape = t is None and not quoted and _shape_type(name) is not None
        t = t or (_shape_type(name) if not quoted else None)
        if t == "-":
            i = j + 1
            continue
        if quoted and t is None:
            t = _shape_type(name)
        if t is None and not quoted and w.tail in ("은", "는", "이", "가") and _MAKER_SENTENCE.match(text_of(doc)[end:end + 120]):
            t = "Company"  # 누리비전이 … ‘루미나-3’을 공개했다
        if t is None:
            i = j + 1
            continue
        looked = _lookup(finder, names)
        if (t == "Company" and not quoted and not looked and i > 0 and _ends_with(name, lex["company_suffixes"]) is None
                and name in lex["company_suffixes"]):
            # 히카리 인텔리전스: a two-word name whose second word alone carried the cue
            prev_w = words[i - 1]
            if (not prev_w.tail and _HANGUL_WORD.match(prev_w.stem) and not _generic(prev_w.stem)
                    and not any(m.start < prev_w.end and prev_w.start < m.end for m in known)):
                start = prev_w.start
                name = text_of(doc)[start:end]
                names = [name]
        if looked:
            out.append(Mention(start, end, text_of(doc)[start:end], looked[1], looked[0], tuple(names), source="kb"))
        else:
            source = "quote" if quoted else "shape" if from_shape else "pattern"
            out.append(Mention(start, end, text_of(doc)[start:end], (t,), (), tuple(names), source=source))
        i = j + 1
    out.extend(glossed_persons(doc, known + out))
    out.extend(_persons_before_titles(doc, words, known + out, lex))
    out.extend(_typed_lists(doc, words, known + out))
    out.extend(_derived_policies(doc, known))
    return out


_DERIVED = re.compile(r"^\s?(?:시행령|시행규칙|개정안|개정법률안|개정법|하위법령|대안)(?![가-힣]{2})")


def _derived_policies(doc, known: list[Mention]) -> list[Mention]:
    """AI기본법 시행령, AI기본법 개정안: a law's decree or amendment is a policy of its own."""
    out = []
    for m in known:
        if "Policy" not in m.types:
            continue
        d = _DERIVED.match(text_of(doc)[m.end:m.end + 8])
        if d:
            end = m.end + d.end()
            text = text_of(doc)[m.start:end]
            out.append(Mention(m.start, end, text, ("Policy",), (), (text,), source="quote"))
    return out


_SIZE = re.compile(r"^\d+(?:\.\d+)?\s?[BMKTbmkt]?$|^\d+(?:\.\d+)?[BMbm]\s?(?:모델|model)?$")


_ROLE = re.compile(r"(?:과학자|책임자|연구자|전문가|관계자|담당자|개발자|이용자|사용자)$")


def _generic(name: str) -> bool:
    lex = lexicon("ko")
    bare = name.split("(")[0].strip()
    if bare in lex["hardware_nouns"] or bare in lex["model_nouns"] or bare in lex["company_nouns"] or _ROLE.search(bare):
        return True
    if _SIZE.match(name.strip()):
        return True  # 3.2B, 70B: a size, not a name
    m = _GLOSS.match(name)
    if m and (_generic(m.group("ko")) or _generic(m.group("en"))):
        return True
    key = name_key(name)
    if key in GENERIC or len(key) < 2:
        return True
    # every word generic: "플래그십 AI", "AI 인프라"
    return all(name_key(w) in GENERIC for w in re.split(r"[\s·\-]+", name) if w)


def _split_gloss(name: str) -> tuple[str, list[str]]:
    """큐원(Qwen) 2.5-맥스 → names ['큐원(Qwen) 2.5-맥스', '큐원 2.5-맥스', 'Qwen 2.5-맥스']."""
    m = _GLOSS.match(name)
    if not m:
        return name, [name]
    ko, en, rest = m.group("ko"), m.group("en"), m.group("rest")
    return name, [name, (ko + rest).strip(), (en + rest).strip()]


def _lookup(finder, names) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    for n in names[1:] + names[:1]:
        hits = finder.index.scan(n, boundaries=None)
        if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(n):
            p = hits[0].payloads
            return tuple(k for k, _ in p), tuple(t for _, t in p)
    return None


_SURNAMES = frozenset(
    "김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 "
    "우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 "
    "제 모 탁 국 어 은 편 용 예 경 봉 사 부 가 복 태 목 형 피 두 감".split()
)
_HANGUL_WORD = re.compile(r"^[가-힣]{1,5}$")


def _korean_name(w: Eojeol) -> bool:
    """A Korean-style personal name: 김민수 (surname + given name), or tagged a proper noun."""
    stem = w.stem
    if not _PERSONISH.match(stem) or _generic(stem):
        return False
    return any(t.startswith("NNP") for t in w.tags) or (len(stem) == 3 and stem[0] in _SURNAMES)


def _persons_before_titles(doc, words, known, lex) -> list[Mention]:
    """Names right before a title: 김민수 대표, 김민수 뉴로웨이브 대표, 라이언 탄 루모라 CEO.

    In "person org title" the org is typed by the title as well: 대표 → Company, 장관 → Government.
    """
    out = []
    titles = lex["titles_lead"] + lex["titles_not_lead"]
    gov_titles = ("장관", "차관", "청장", "처장", "위원장", "시장", "지사", "총리", "대통령", "의장", "구청장", "군수")

    def at(w):
        return [m for m in known if m.start <= w.start < m.end or w.start <= m.start < w.stem_end]

    for k, w in enumerate(words):
        if k == 0 or not _starts_with_word(w.text, titles):
            continue
        j = k - 1
        org = None
        if not words[j].tail and not _korean_name(words[j]):
            named = at(words[j])
            if named or any(t.startswith(("NNP", "SL")) for t in words[j].tags) or _STRONG_GOV.search(words[j].stem):
                org = words[j]
                j -= 1
        # the person: one Korean name, or up to three words of a transliterated foreign name
        person = []
        while j >= 0 and len(person) < 3:
            pw = words[j]
            if (pw.tail or not _HANGUL_WORD.match(pw.stem) or at(pw) or (len(pw.stem) > 1 and _generic(pw.stem))
                    or pw.stem in ("겸", "및", "등", "전", "현", "前", "신임", "초대", "당시")
                    or _starts_with_word(pw.stem, titles)):
                break  # 서지안 부총리 겸 디지털부 장관: the name is before the other title
            person.insert(0, pw)
            j -= 1
            if _korean_name(pw):
                break
        if not person:
            continue
        if len(person) == 1 and not _korean_name(person[0]):
            continue
        if len(person) > 1 and org is None and not any(t.startswith("NNP") for p in person for t in p.tags):
            continue  # with an org between name and title ("데이비드 하 사카나AI CEO") the shape is enough
        start, end = person[0].start, person[-1].stem_end
        text = text_of(doc)[start:end]
        out.append(Mention(start, end, text, ("Person",), (), (text,), source="pattern"))
        if org is not None and not at(org) and not _generic(org.stem):
            t = "Government" if _starts_with_word(w.text, gov_titles) else "Company"
            out.append(Mention(org.start, org.stem_end, org.stem, (t,), (), (org.stem,), source="pattern"))
    return out


_LIST_HEAD = {"기업": "Company", "업체": "Company", "회사": "Company", "스타트업": "Company", "기관": "Government",
              "모델": "AIModel", "칩": "Hardware", "반도체": "Hardware", "부처": "Government"}


def _typed_lists(doc, words, known) -> list[Mention]:
    """뉴로웨이브, 세진반도체, 청운클라우드 등 국내 기업: a list takes the type of its head noun."""
    out = []
    for k, w in enumerate(words):
        if w.stem != "등" and not w.text.startswith("등"):
            continue
        head = next((t for x in words[k + 1:k + 4] for h, t in _LIST_HEAD.items() if x.stem.startswith(h) or x.stem.endswith(h)), None)
        if head is None:
            continue
        j = k - 1
        while j >= 0:
            item = words[j]
            stem, cut = _strip_quotes(item.stem.rstrip(","))
            if not stem or _generic(stem) or not (item.tail in ("", ",") or item.text.endswith(",")):
                break
            if not (cut or any(t.startswith(("NNP", "SL")) for t in item.tags) or _STRONG_COMPANY.search(stem)):
                break  # 물론, 모두: words of the sentence, not members of the list
            if not any(m.start <= item.start + cut < m.end for m in known):
                s0 = item.start + cut
                out.append(Mention(s0, s0 + len(stem), stem, (head,), (), (stem,), source="list"))
            j -= 1
            if not words[j + 1].text.endswith(",") and j + 1 != k - 1:
                break
    return out


def short_forms(m: Mention) -> list[str]:
    """Other ways the article may refer to an unseen entity once introduced."""
    forms = []  # (surname + title, 김 대표, is an anaphor, not a short form)
    for n in m.names:
        base, _ = _strip_quotes(n)
        if base != n:
            forms.append(base)
    return forms


def anaphors(doc, mentions: list[Mention]) -> list[Mention]:
    """이 회사는, 정부는, 황 CEO: references resolved later to an antecedent."""
    lex = lexicon("ko")
    out = []
    for t, phrases in lex["anaphora"].items():
        for p in phrases:
            # a pronoun (그, 그녀) only with its particle: "그 회사" is "that company", not "he"
            after = r"(?=[은는이가를의와도])" if len(p) <= 2 and t == "Person" else r"(?=[은는이가을를의에도와과\s,]|$)"
            for m in re.finditer(rf"(?<![가-힣A-Za-z]){re.escape(p)}{after}", text_of(doc)):
                if not any(x.start < m.end() and m.start() < x.end for x in mentions):
                    out.append(Mention(m.start(), m.end(), m.group(0), (t,), (), (), anaphor=True, source="anaphor"))
    # a bare head noun refers to the last entity whose name ends with it: 연구원은 → 한결 AI연구원
    for t, heads in lex.get("head_anaphora", {}).items():
        for h in heads:
            for m in re.finditer(rf"(?<![가-힣A-Za-z]){re.escape(h)}(?=[은는이가의도]\s)", text_of(doc)):
                if not any(x.start < m.end() and m.start() < x.end for x in mentions):
                    out.append(Mention(m.start(), m.end(), m.group(0), (t,), (), (h,), anaphor=True, source="head"))
    # surname + title: 황 CEO, 김 대표, 이 원장
    titles = "|".join(map(re.escape, sorted(lex["titles_lead"], key=len, reverse=True)))
    for m in re.finditer(rf"(?<![가-힣])([가-힣]) (?:{titles})(?=[은는이가을를의에도와과\s,]|$)", text_of(doc)):
        if m.group(1) in ("전", "현", "각", "양", "새", "첫", "두", "세", "본", "동", "당"):  # 전 대통령: "the former president"
            continue
        if not any(x.start < m.end() and m.start() < x.end for x in mentions):
            out.append(Mention(m.start(), m.end(), m.group(0), ("Person",), (), (m.group(1),), anaphor=True, source="anaphor"))
    out = sorted({(m.start, m.end): m for m in out}.values(), key=lambda m: m.start)
    # keep the longest of overlapping anaphors
    kept: list[Mention] = []
    for m in sorted(out, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(m.start < k.end and k.start < m.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


__all__ = ["find", "glosses", "anaphors", "short_forms", "eojeols", "name_key"]
