"""How each relation is stated in Korean, as rules over sentence templates.

Korean marks roles with particles, so rules read them off the template: a topic or
subject (은/는/이/가) before the verb, an object (을/를), a possessive (의). Verbs are
matched on their Sino-Korean noun stem plus a light-verb ending (출시했다, 출시한,
출시됐다) or on native stems (선보이-, 내놓-). Adnominal forms (엔비디아가 출시한 H800)
put the object after the verb.
"""
from __future__ import annotations

import re

from kg.extract.candidates import Rule, by_types
from kg.extract.frame import AMOUNT, E

# an optional noun between a name and its particle: SK텔레콤 정예팀은, 알리바바 측은
_X = r"(?:\s?(?:정예팀|측|연구진|연구팀|팀|컨소시엄|그룹|연구원|당국|정부|대통령|총리|장관|위원장|대표|회장|의장|CEO|최고경영자|시장)){0,1}"
TOP = rf"{_X}(?:은|는|이|가|도|이나|까지)"
OBJ = r"(?:을|를)"
Q_OPEN = r"[‘'\"“「『《〈]?"
Q_CLOSE = r"[’'\"”」』》〉]?"
K = r"[^⟨⟩.]{0,30}?"  # short filler, no other mention
KG = r"[^.]{0,90}?"  # longer filler, may step over mentions
K2 = r"(?:(?![을를]\s)[^⟨⟩.]){0,20}?"  # short filler with no other object (을/를) in it
# a possessor in front of an item in a list: (오픈AI의) GPT-4o, 미국의 파이-4
_PRE = r"(?:\(?⟨[A-Za-z|]+:\d+⟩의\)?\s?)?(?:(?:[가-힣A-Za-z]{1,6}\s)?[가-힣]{0,4}(?:기업|업체|스타트업|회사|투자사|운용사|자회사|계열사)\s)?"
# list separators; "A와 함께 (세부 기준을 담은) B" coordinates too
_SEP = r"(?:\s?(?:,|와 함께\s(?:[^⟨⟩.,]{0,20}?\s)?|과 함께\s(?:[^⟨⟩.,]{0,20}?\s)?|와|과|및|·|ㆍ|이나|나|은 물론|는 물론|뿐 아니라|뿐만 아니라|그리고|에 이어)\s?)"


def L(*types: str, name: str) -> str:
    """A Korean list of mentions, each maybe quoted or with a possessor in front."""
    one = f"{_PRE}{Q_OPEN}{E(*types)}{Q_CLOSE}"
    return f"(?P<{name}>{one}(?:{_SEP}{one})*)(?:\\s?등)?"


SK = r"(?:했|한|하며|하고|하는|해|하기로|할|하겠|하면서|하자|했던|하던|하지|된|됐|되|돼|되어|되지|시켰|시킨|시키)"
MAKE = rf"(?:(?:출시|공개|발표|개발|론칭|런칭|소개|배포|오픈소스화|상용화|출범|양산|생산|공급){SK}|선보이|선보였|선보인|선봬|선보일|내놓|내놨|내놔|풀었|만들었|만든|내보였)"
MAKE_ADN = r"(?:(?:출시|공개|발표|개발|설계|생산|제작|양산|론칭|출범)(?:한|했던|하는|해 온|해온|된)|선보인|내놓은|내놨던|만든|만드는|내세운)"
ENACT = rf"(?:(?:제정|시행|통과|발효|서명|공포|의결|가결|처리|채택|도입|승인|비준|시행에 들어가|시행에 들어갔|성립){SK}|통과시켰|시행에 들어|가결·성립)"
ENACT_ADN = r"(?:(?:제정|시행|통과|발효|서명|공포|의결|가결|채택|도입|승인)(?:한|했던|된|시킨))"
ANNOUNCE = rf"(?:(?:발표|추진|예고|공개|제안|발의|마련|제시|수립|확정|발간|공표){SK}|내놓|내놨|내놓겠|내놓을|밝혔)"
REPEAL = rf"(?:(?:폐지|철회|취소|폐기|무효화|백지화|파기|중단){SK})"
TITLE_WORD = (
    r"(?:최고경영자(?:\(CEO\))?|CEO|대표이사|공동\s?대표|각자\s?대표|대표|회장|의장|사장|집행위원장|위원장|"
    r"연구원장|공동\s?연구원장|공동\s?원장|원장|장관|대통령|국무총리|총리|청장|처장|총장|이사장|주석|총재|창업자 겸 (?:CEO|최고경영자))"
)
# a title as a whole word: followed by a particle or by no more Hangul (대표는, CEO, 장관)
TITLE = TITLE_WORD + r"(?:[은는이가을를의도과와]|(?![가-힣]))"
FORMER = r"(?:전|전임|前)\s"

_MAKE_TYPES = by_types({
    ("Company", "AIModel"): "released",
    ("Company", "Hardware"): "manufactures",
    ("Government", "Policy"): "announced",
    ("Company", "Project"): "participatesIn",
    ("Government", "Project"): "participatesIn",
})
_POSSESSIVE_TYPES = by_types({("Company", "AIModel"): "released", ("Company", "Hardware"): "manufactures"})

_MONEY_NOT_INVESTED = ("매출", "과태료", "벌금", "가치", "시가총액", "몸값", "영업이익", "순이익", "손실", "가격", "연봉", "예산안")


def _invested(frame, m) -> bool:
    around = frame.template[max(0, m.start("a") - 8):m.end("a") + 12]
    if re.search(r"⟩의\s$", frame.template[max(0, m.start("a") - 4):m.start("a")]):
        return False  # "오픈AI의 400억달러 투자": the money is the possessor's, not the topic's
    return not any(w in around for w in _MONEY_NOT_INVESTED)


def _not_former(frame, m) -> bool:
    return "전 " not in frame.template[m.start():m.end()] and "前" not in frame.template[m.start():m.end()]


RULES: list[Rule] = [
    # --- making things ------------------------------------------------------------------
    Rule("ko.make.active",
         rf"{E('Company', 'Government', name='s')}{Q_CLOSE}{TOP}\s{KG}{L('AIModel', 'Hardware', 'Policy', 'Project', name='o')}\s?(?:{OBJ}|도|까지)?\s?{K2}{MAKE}",
         _MAKE_TYPES, 0.85),
    Rule("ko.make.quoted_objects",
         rf"{E('Company', name='s')}{Q_CLOSE}{TOP}\s(?P<o>[^.]{{0,160}}?[’'\"”」』》〉](?:을|를|과|와|도)?)\s?(?:(?:두|세|네|다섯|\d+)\s?(?:가지|종|개|종류)(?:의)?\s(?:[가-힣]+\s)?[가-힣]+(?:을|를)\s)?{K2}{MAKE}",
         _MAKE_TYPES, 0.75, quoted_only=True),
    Rule("ko.make.latest_model",
         rf"{E('Company', name='s')}{Q_CLOSE}(?:가|이|는|은|의)\s(?:최신|새|신규|자체|주력|대표|플래그십|차세대|첫)?\s?(?:AI\s|인공지능\s|생성형 AI\s)?(?:모델|언어모델|거대언어모델|LLM|챗봇|추론 모델)인\s{Q_OPEN}{E('AIModel', name='o')}{Q_CLOSE}",
         "released", 0.7, presupposed=True),
    Rule("ko.make.adnominal",
         rf"{E('Company', 'Government', name='s')}{Q_CLOSE}{TOP}\s[^.]{{0,50}}?{MAKE_ADN}\s[^⟨⟩.,]{{0,15}}?{Q_OPEN}{E('AIModel', 'Hardware', 'Project', 'Policy', name='o')}{Q_CLOSE}",
         _MAKE_TYPES, 0.85, presupposed=True),
    Rule("ko.make.topicalized_object",
         rf"{Q_OPEN}{E('AIModel', 'Hardware', name='o')}{Q_CLOSE}(?:은|는)\s[^.]{{0,60}}?{E('Company', name='s')}{Q_CLOSE}(?:이|가)\s(?:자체\s)?(?:개발|출시|공개|설계|제작|생산)(?:했|한다|해)",
         _POSSESSIVE_TYPES, 0.75),
    Rule("ko.make.nominal",
         rf"{E('Company', name='s')}{Q_CLOSE}의\s{Q_OPEN}{E('AIModel', 'Hardware', name='o')}{Q_CLOSE}\s?(?:출시|공개|발표|개발)",
         _POSSESSIVE_TYPES, 0.8),
    Rule("ko.possessive",
         rf"\(?{E('Company', name='s')}{Q_CLOSE}의\)?\s(?:[^⟨⟩\s.]+\s){{0,3}}?{Q_OPEN}{E('AIModel', 'Hardware', name='o')}{Q_CLOSE}",
         _POSSESSIVE_TYPES, 0.75, presupposed=True),
    Rule("ko.compound",
         rf"{E('Company', name='s')}{Q_CLOSE}\s{E('Hardware', name='o')}{Q_CLOSE}", "manufactures", 0.7, presupposed=True),
    # --- training and comparison -------------------------------------------------------------
    Rule("ko.trained.model_first",
         rf"{E('AIModel', name='s')}{Q_CLOSE}[^.]{{0,80}}?{L('Hardware', name='o')}[^.]{{0,40}}?(?:훈련|학습|트레이닝)",
         "trainedOn", 0.8),
    Rule("ko.trained.model_then_hw",
         rf"{E('AIModel', name='s')}{Q_CLOSE}(?:을|를)\s(?:훈련|학습|사전학습|트레이닝)(?:시키는|하는|시키기 위해|하기 위해|시키는 데|하는 데)\s?(?:데\s)?[^.]{{0,50}}?{L('Hardware', name='o')}",
         "trainedOn", 0.8),
    Rule("ko.trained.instrumental",
         rf"{E('AIModel', name='s')}{Q_CLOSE}(?:을|를)\s[^.]{{0,50}}?{L('Hardware', name='o')}\s?(?:[^⟨⟩.\s]{{0,8}}\s)?(?:으로|로)\s(?:사전\s?)?(?:학습|훈련|트레이닝)",
         "trainedOn", 0.8),
    Rule("ko.trained.hw_first",
         rf"{L('Hardware', name='o')}[^.]{{0,60}}?{E('AIModel', name='s')}{Q_CLOSE}[^⟨⟩.]{{0,30}}?(?:훈련|학습|트레이닝)",
         "trainedOn", 0.8),
    Rule("ko.outperforms.active",
         rf"{E('AIModel', name='s')}{Q_CLOSE}(?:\s?[가-힣A-Za-z0-9]{{1,8}}){{0,2}}(?:은|는|이|가)\s(?!물론|뿐){KG}{L('AIModel', name='o')}\s?(?:을|를|보다|에)?\s?{K}(?:능가|뛰어넘|앞서|앞섰|앞선|제치|제쳤|압도|웃돌|웃돌았|상회|이겼|이기|높은 점수|높은 성능|더 높은|우위)",
         "outperforms", 0.8, modality="claimed"),
    Rule("ko.outperforms.adnominal",
         rf"{L('AIModel', name='o')}\s?(?:을|를|보다)\s?{K}(?:능가하는|뛰어넘는|앞서는|앞선|제친|압도하는|웃도는|능가한|뛰어넘은)\s{K}{Q_OPEN}{E('AIModel', name='s')}{Q_CLOSE}",
         "outperforms", 0.8, modality="claimed", presupposed=True),
    Rule("ko.outperforms.implicit",
         rf"(?:^|[“\"‘]\(?)\s?{L('AIModel', name='o')}\s?(?:을|를)\s{K}(?:능가|뛰어넘|앞서|앞섰|제치|제쳤|압도|웃돌|상회)",
         "outperforms", 0.65, modality="claimed", implicit=("s", "AIModel")),
    # --- who leads what -------------------------------------------------------------------
    Rule("ko.leads.person_org_title",
         rf"{E('Person', name='s')}{Q_CLOSE}\s(?:[가-힣]{{1,5}}\s?겸\s)?{E('Company', 'Government', 'Country', name='o')}{Q_CLOSE}\s?{TITLE}",
         "leads", 0.85, check=_not_former, presupposed=True),
    Rule("ko.leads.org_title_person",
         rf"{E('Company', 'Government', name='o')}{Q_CLOSE}(?:의)?\s?{TITLE}\s?(?:인\s)?{E('Person', name='s')}{Q_CLOSE}",
         "leads", 0.8, check=_not_former, presupposed=True),
    Rule("ko.leads.led_by",
         rf"{E('Person', name='s')}{Q_CLOSE}(?:\s{TITLE_WORD})?(?:이|가)?\s(?:이끄는|이끌고 있는|맡고 있는|수장으로 있는)\s{E('Company', 'Government', name='o')}{Q_CLOSE}",
         "leads", 0.8, check=_not_former),
    Rule("ko.leads.chair_of",
         rf"{E('Person', name='s')}{Q_CLOSE}(?:\s{TITLE_WORD})?(?:이|가)\s{TITLE_WORD}(?:을|를)\s맡(?:고 있는|은|는|아 온|아온)\s{E('Company', 'Government', name='o')}{Q_CLOSE}",
         "leads", 0.8),
    Rule("ko.leads.org_appointed",
         rf"{E('Company', 'Government', name='o')}{Q_CLOSE}(?:은|는|이|가)?\s[^.]{{0,40}}?{E('Person', name='s')}{Q_CLOSE}(?:\s?[를을]\s?|\s)(?:신임\s)?(?:대표|CEO|회장|사장|원장|위원장|장관)(?:으로|로)\s(?:선임|임명|내정)",
         "leads", 0.75),
    Rule("ko.leads.serves_as",
         rf"{E('Person', name='s')}{Q_CLOSE}{TOP}\s[^⟨⟩.]{{0,12}}?{E('Company', 'Government', name='o')}{Q_CLOSE}(?:의)?\s?{TITLE}\s?(?:직|직을|자리를)?\s?(?:을|를)?\s?(?:맡고|맡아|맡은|맡는|지내고|역임하고)",
         "leads", 0.8, check=_not_former),
    Rule("ko.leads.leading_person",
         rf"{E('Company', 'Government', name='o')}{Q_CLOSE}(?:을|를)\s(?:이끄는|이끌고 있는|이끌어 온)\s{E('Person', name='s')}{Q_CLOSE}",
         "leads", 0.8, check=_not_former),
    Rule("ko.leads.city_head",
         rf"{E('Person', name='s')}{Q_CLOSE}\s{E('Government', name='o')}{Q_CLOSE}(?:장|지사)(?:[은는이가의]|(?![가-힣]))",
         "leads", 0.75),
    Rule("ko.leads.org_person_title",
         rf"{E('Company', 'Government', name='o')}{Q_CLOSE}\s{E('Person', name='s')}{Q_CLOSE}\s?{TITLE}",
         "leads", 0.8, check=_not_former),
    Rule("ko.leads.title_only",
         rf"{E('Person', name='s')}{Q_CLOSE}(?:·{E('Person', name='s2')}{Q_CLOSE})?\s(?:공동\s)?(?:대표|대표이사|최고경영자|CEO|사장)(?:[은는이가을를의도]|(?![가-힣]))",
         "leads", 0.6, implicit=("o", "Company"), check=_not_former, fallback=True),
    Rule("ko.leads.title_only_institute",
         rf"{E('Person', name='s')}{Q_CLOSE}(?:·{E('Person', name='s2')}{Q_CLOSE})?\s(?:공동\s)?(?:연구원장|원장|연구소장|소장)(?:[은는이가을를의도]|(?![가-힣]))",
         "leads", 0.6, implicit=("o", "Company", "연구"), check=_not_former, fallback=True),
    Rule("ko.leads.president",
         rf"(?<!전 ){E('Person', name='s')}{Q_CLOSE}\s대통령(?:[은는이가]\s)",
         "leads", 0.6, implicit=("o", "Country"), fallback=True),
    Rule("ko.leads.appointed",
         rf"{E('Person', name='s')}{Q_CLOSE}(?:\s[^⟨⟩.\s]{{1,6}}){{0,2}}(?:이|가|은|는)\s[^.]{{0,30}}?{E('Company', 'Government', name='o')}{Q_CLOSE}\s?(?:대표|CEO|최고경영자|회장|사장|원장|위원장|장관|청장|총리|의장)(?:으로|로)\s(?:자리를 옮기|자리를 옮겼|옮기|임명|취임|선임|발탁|내정|부임|영입)",
         "leads", 0.75),
    # --- where companies are based ---------------------------------------------------------
    Rule("ko.based.country_company",
         rf"{E('Country', name='o')}{Q_CLOSE}(?:의)?\s(?:(?:AI|반도체|인공지능|기술|빅테크|IT|테크|클라우드|전기차|로봇|칩|검색|통신|소프트웨어|플랫폼|가전|자동차|대형|신생|유망|대표|간판|최대|토종|팹리스|장비|설계|생성형|스타트업|기업|업체|회사|그룹|대기업|제조사|개발사|반도체 기업)\s?){{0,3}}{L('Company', name='s')}",
         "basedIn", 0.8, presupposed=True),
    Rule("ko.based.hq",
         rf"{E('Country', name='o')}{Q_CLOSE}(?:에|에서|의)?\s?(?:[가-힣]+\s)?(?:본사를 둔|본사를 두고 있는|기반을 둔|기반의|에 본사를 둔|소재)\s(?:[^⟨⟩\s.]+\s){{0,2}}{E('Company', name='s')}{Q_CLOSE}",
         "basedIn", 0.8),
    # --- corporate structure ---------------------------------------------------------------
    Rule("ko.subsidiary.of",
         rf"{E('Company', name='o')}{Q_CLOSE}(?:의)?\s(?:[^⟨⟩\s.]+\s){{0,2}}?(?:자회사|계열사|손자회사|산하|연구조직|연구소|사업부|자회사이자|법인|조직|분사|계열)(?:인|로|이자|로서)?\s{E('Company', name='s')}{Q_CLOSE}",
         "subsidiaryOf", 0.8, presupposed=True),
    Rule("ko.subsidiary.set_up",
         rf"{E('Company', name='o')}{Q_CLOSE}{TOP}\s[^.]{{0,50}}?(?:자회사|계열사|현지 법인|법인|합작법인|손자회사)(?:인|로|이자)?\s{Q_OPEN}{E('Company', name='s')}{Q_CLOSE}",
         "subsidiaryOf", 0.75),
    Rule("ko.subsidiary.is",
         rf"{E('Company', name='s')}{Q_CLOSE}(?:은|는|이|가)\s{E('Company', name='o')}{Q_CLOSE}의\s(?:[^⟨⟩\s.]+\s){{0,2}}?(?:자회사|계열사|손자회사)",
         "subsidiaryOf", 0.8),
    Rule("ko.subsidiary.parent_named",
         rf"{E('Company', name='s')}{Q_CLOSE}(?:의)?\s(?:모회사|지주회사|모기업)(?:인|이자)?\s{E('Company', name='o')}",
         "subsidiaryOf", 0.8),
    Rule("ko.subsidiary.group",
         rf"{L('Company', name='s')}\s?등\s(?:그룹\s|그룹의\s)?(?:계열사|자회사)",
         "subsidiaryOf", 0.65, implicit=("o", "Company", "그룹"), presupposed=True),
    Rule("ko.operates.operator",
         rf"{E('AIModel', 'Company', 'Project', name='o')}{Q_CLOSE}\s?(?:의\s)?운영사(?:인|로|이자)?\s(?:⟨Country:\d+⟩\s)?{E('Company', name='s')}{Q_CLOSE}",
         "operates", 0.8, presupposed=True),
    Rule("ko.operates.own_service",
         rf"{E('Company', name='s')}{Q_CLOSE}{TOP}\s[^.]{{0,60}}?(?:자사|자체)\s(?:AI\s|인공지능\s)?(?:서비스|플랫폼|앱|챗봇|에이전트)\s?{Q_OPEN}{E('AIModel', 'Project', name='o')}{Q_CLOSE}",
         "operates", 0.75, presupposed=True),
    Rule("ko.operates.verb",
         rf"{E('Company', name='s')}{Q_CLOSE}(?:이|가)\s운영하는\s(?:[^⟨⟩\s.]+\s){{0,2}}{Q_OPEN}{E('AIModel', 'Project', 'Company', name='o')}{Q_CLOSE}",
         "operates", 0.8),
    Rule("ko.operates.active",
         rf"{E('Company', name='s')}{Q_CLOSE}{TOP}\s[^.]{{0,60}}?{Q_OPEN}{E('AIModel', 'Project', name='o')}{Q_CLOSE}(?:{OBJ}|도)\s?(?:[^⟨⟩.]{{0,6}}\s)?운영",
         "operates", 0.8),
    # --- projects ---------------------------------------------------------------------------
    Rule("ko.project.list",
         rf"{L('Company', 'Government', name='s')}(?:(?:와|과)\s(?:[^⟨⟩\s.]+\s){{0,2}}?[^⟨⟩\s.]+?)?(?:이|가|은|는|도)?\s{KG}(?:합작사|합작법인|컨소시엄|연합|동맹|프로젝트)?\s?{Q_OPEN}{E('Project', name='o')}{Q_CLOSE}\s?(?:을|를|에|의|에도)?\s?{K}(?:추진|참여|참가|합류|구축|설립|출범|주도|주관|공동 개발|투자|착수|건설|짓|짓고|지어|맡|결성|발족)",
         "participatesIn", 0.8),
    Rule("ko.project.partner",
         rf"{E('Company', 'Government', name='s')}{Q_CLOSE}(?:은|는|이|가)\s{L('Company', 'Government', name='s2')}(?:와|과)\s(?:손잡고|함께|협력해|공동으로|손을 잡고)[^.]{{0,90}}?{Q_OPEN}{E('Project', name='o')}{Q_CLOSE}",
         "participatesIn", 0.8),
    Rule("ko.project.builders_adn",
         rf"{L('Company', 'Government', name='s')}(?:이|가)\s[^.]{{0,40}}?(?:함께\s|공동으로\s)?(?:짓고 있는|짓는|지은|구축하는|구축 중인|구축한|건설하는|건설 중인|세우는|추진하는|조성하는|개발하는)\s{Q_OPEN}{E('Project', name='o')}",
         "participatesIn", 0.75),
    Rule("ko.project.host",
         rf"{E('Project', name='o')}{Q_CLOSE}\s?(?:은|는)\s[^.]{{0,70}}?{L('Government', 'Company', name='s')}(?:이|가)\s(?:주관|주도|추진|운영|총괄)하는",
         "participatesIn", 0.8),
    Rule("ko.project.host_adn",
         rf"{E('Government', 'Company', name='s')}{Q_CLOSE}(?:이|가)\s(?:주관|주도|추진|운영|총괄)하는\s{Q_OPEN}{E('Project', name='o')}{Q_CLOSE}",
         "participatesIn", 0.8, presupposed=True),
    Rule("ko.project.joiners",
         rf"{E('Project', name='o')}{Q_CLOSE}\s?(?:에는|에|에도)\s{L('Company', 'Government', name='s')}\s?(?:이|가|도)?\s{K}(?:참여|합류|참가)",
         "participatesIn", 0.8),
    Rule("ko.project.selected_teams",
         rf"(?:정예팀|참여 기업|참여사|사업자|컨소시엄|팀)(?:으로|로)\s{L('Company', name='s')}\s?(?:등\s)?(?:[가-힣]{{0,4}}\s)?(?:컨소시엄|정예팀|팀|기업)?(?:을|를)\s[^⟨⟩.]{{0,10}}?(?:선정|선발|확정)",
         "participatesIn", 0.7, implicit=("o", "Project")),
    Rule("ko.project.consortium_members",
         rf"(?:컨소시엄|동맹|연합|정예팀)(?:에는|에도|에)\s{L('Company', 'Government', name='s')}\s?(?:등)?(?:이|가|도)?\s[^⟨⟩.]{{0,12}}?(?:이름을 올렸|참여|합류|포함)",
         "participatesIn", 0.65, implicit=("o", "Project")),
    Rule("ko.project.selected",
         rf"{L('Company', name='s')}\s?등\s[^⟨⟩.]{{0,15}}?(?:선발|선정|참여|합류)",
         "participatesIn", 0.6, implicit=("o", "Project")),
    # --- money ------------------------------------------------------------------------------
    Rule("ko.invest.subject",
         rf"{E('Project', 'Company', name='s')}{Q_CLOSE}(?:은|는|이|가)\s[^.]{{0,60}}?(?P<a>{AMOUNT}(?:\s?\({AMOUNT}\))?)\s?(?:규모의|상당의|가량의|의|을|를|이|가)?\s?(?:[^⟨⟩.]{{0,12}}?)(?:유치|조달|펀딩|투자를 받|투자받|받았|확보)",
         "investment", 0.8, check=_invested),
    Rule("ko.invest.project_spends",
         rf"{E('Project', name='s')}{Q_CLOSE}(?:은|는|이|가|에|에는)\s[^.]{{0,60}}?(?P<a>{AMOUNT}(?:\s?\({AMOUNT}\))?)\s?(?:규모의|상당의|가량의|의|을|를|이|가)?\s?(?:[^⟨⟩.]{{0,12}}?)(?:투자|투입)",
         "investment", 0.8, check=_invested),
    Rule("ko.invest.possessor_raised",
         rf"{E('Company', 'Project', name='s')}{Q_CLOSE}의\s(?P<a>{AMOUNT})\s?(?:규모(?:의)?\s?)?(?:투자|펀딩|자금)\s?(?:유치|조달)",
         "investment", 0.75),
    Rule("ko.invest.project_spends_later",
         rf"{E('Project', name='s')}{Q_CLOSE}(?:은|는|이|가|에|에는)\s[^.]{{20,100}}(?P<a>{AMOUNT})\s?(?:규모의|상당의|가량의|의|을|를|이|가)?\s?(?:[^⟨⟩.]{{0,12}}?)(?:투자|투입)",
         "investment", 0.75, check=_invested),
    Rule("ko.invest.sized_project",
         rf"(?P<a>{AMOUNT})\s?(?:규모의|짜리|상당의)\s{Q_OPEN}{E('Project', name='s')}",
         "investment", 0.7),
    Rule("ko.invest.into",
         rf"{E('Project', 'Company', name='s')}{Q_CLOSE}(?:에|에는)\s[^⟨⟩.]{{0,20}}?(?P<a>{AMOUNT}(?:\s?\({AMOUNT}\))?)[^⟨⟩.]{{0,10}}?(?:을|를)?\s?(?:투자|투입|출자)",
         "investment", 0.8, check=_invested),
    Rule("ko.cost.model",
         rf"{Q_OPEN}{E('AIModel', name='s')}{Q_CLOSE}[^.]{{0,40}}?(?:개발|훈련|학습|구축|제작)\s?(?:비용|비|원가)[^⟨⟩.]{{0,15}}?(?P<a>{AMOUNT})",
         "developmentCost", 0.8),
    Rule("ko.invest.budget",
         rf"(?:총사업비|총 사업비|사업비|총투자액|총 투자액|총 투자비|투자 규모|사업 규모|투입되는 (?:정부 )?예산|정부 예산|사업 예산)(?:는|은|가|이)?\s?(?:총\s|약\s)?(?P<a>{AMOUNT})",
         "investment", 0.65, implicit=("s", "Project"), fallback=True),
    Rule("ko.invest.build",
         rf"(?:총\s|모두\s|약\s)?(?P<a>{AMOUNT})(?:을|를)\s(?:투입|투자)(?:해|하여|해서|하고)\s[^.]{{0,40}}?{Q_OPEN}{E('Project', name='s')}{Q_CLOSE}",
         "investment", 0.75, check=_invested),
    Rule("ko.cost.spent",
         rf"(?:개발|학습|훈련)(?:에|에는|하는 데|하는 데는)\s(?:약\s|총\s)?(?P<a>{AMOUNT})(?:이|가|을|를)?\s(?:들었|들어갔|투입됐|소요됐|쓰였|썼|들였)",
         "developmentCost", 0.65, implicit=("s", "AIModel"), fallback=True),
    Rule("ko.cost.implicit",
         rf"(?:개발|학습|훈련|구축|제작)(?:과|와|에|하는|한|에 들어간|에 투입된|에 쓰인|에 든)?\s?(?:[^⟨⟩.\s]+\s){{0,2}}?(?:비용|비)(?:은|는|이|가|으로|로)\s?(?:약\s|총\s)?(?P<a>{AMOUNT})",
         "developmentCost", 0.65, implicit=("s", "AIModel"), fallback=True),
    # --- policy -----------------------------------------------------------------------------
    Rule("ko.policy.enact",
         rf"{E('Government', 'Person', name='s')}{Q_CLOSE}{TOP}\s{KG}{L('Policy', name='o')}\s?(?:을|를|도|까지)?\s?{K}{ENACT}",
         "enacted", 0.85),
    Rule("ko.policy.enact_adn",
         rf"{E('Government', name='s')}{Q_CLOSE}{TOP}\s[^⟨⟩.]{{0,30}}?{ENACT_ADN}\s{Q_OPEN}{E('Policy', name='o')}{Q_CLOSE}",
         "enacted", 0.8, presupposed=True),
    Rule("ko.policy.in_force_of",
         rf"{E('Government', name='s')}{Q_CLOSE}의\s{Q_OPEN}{E('Policy', name='o')}{Q_CLOSE}(?:이|가|은|는)\s[^.]{{0,30}}?(?:발효|시행|통과|공포|제정)(?:됐|되었|된다|돼|되며|되면서)",
         "enacted", 0.75),
    Rule("ko.policy.enacted_possessive_adn",
         rf"(?:발효|시행|제정|통과|공포)된\s{E('Government', name='s')}{Q_CLOSE}의\s{Q_OPEN}{E('Policy', name='o')}",
         "enacted", 0.75),
    Rule("ko.policy.passed_adn",
         rf"{E('Government', name='s')}{Q_CLOSE}(?:을|를)\s(?:통과|거친)(?:한|했던)\s{Q_OPEN}{E('Policy', name='o')}",
         "enacted", 0.8),
    Rule("ko.policy.passed",
         rf"{E('Policy', name='o')}{Q_CLOSE}\s?(?:은|는|이|가)\s[^.]{{0,40}}?{E('Government', name='s')}{Q_CLOSE}\s?(?:본회의를|본회의에서|상임위를|에서|를|을)?\s?(?:통과|의결|가결|처리|승인)",
         "enacted", 0.85),
    Rule("ko.policy.announce",
         rf"{E('Government', 'Person', name='s')}{Q_CLOSE}{TOP}\s{KG}{L('Policy', name='o')}\s?(?:을|를|도)?\s?{K}{ANNOUNCE}",
         "announced", 0.8),
    Rule("ko.policy.announce_by_head",
         rf"{E('Person')}\s{E('Government', name='s')}{Q_CLOSE}\s?{TITLE}\s{KG}{L('Policy', name='o')}\s?(?:을|를|도)?\s?{K}{ANNOUNCE}",
         "announced", 0.8),
    Rule("ko.policy.announce_implicit",
         rf"(?:^|[.,]\s|\s)(?:연내|올해|내년|연말까지|상반기|하반기)?\s?{L('Policy', name='o')}\s?(?:을|를)\s(?:시작으로\s)?[^.]{{0,60}}?(?:내놓겠|내놓을|발표하겠|마련하겠|추진하겠|예고)",
         "announced", 0.6, implicit=("s", "Government")),
    Rule("ko.policy.repeal_including",
         rf"{E('Government', 'Person', name='s')}{Q_CLOSE}{TOP}\s[^.]{{0,80}}?{REPEAL}[^.]{{0,20}}?(?:여기에는|이 중에는|이 가운데|그중에는|이 중|여기엔)\s[^.]{{0,60}}?{L('Policy', name='o')}\s?(?:이|가|도)\s(?:포함)",
         "repealed", 0.8),
    Rule("ko.policy.repeal",
         rf"{E('Government', 'Person', name='s')}{Q_CLOSE}{TOP}\s{KG}{L('Policy', name='o')}\s?(?:을|를|도)?\s?{K}{REPEAL}",
         "repealed", 0.85),
]
