"""How each relation is stated in English, as rules over sentence templates.

Placeholders: ``E("Company")`` a mention of that type (an anaphor such as "it" or "the
company" counts, and is resolved later), ``LIST(...)`` a coordinated list, ``AMOUNT`` a
sum of money. Fillers are bounded so a rule never reaches across a whole paragraph.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.candidates import Rule, by_types
from kg.extract.mentions import Mention
from kg.extract.frame import AMOUNT, E, LIST

AMT = f"(?P<a>{AMOUNT})"
F = r"(?:[^⟨⟩;]|⟨Amount:\d+⟩){0,40}?"  # a short filler with no other mention in it (amounts may stand)
G = r"[^;]{0,90}?"  # noqa: E501
GC = r"(?:[^⟨⟩;]|⟨(?![^⟩]*Company)[^⟩]*⟩){0,90}?"  # a longer filler that steps over no other company
REL = r"(?:,\s(?:which|that|who)\s[^;]{0,90}?,)?"  # a relative clause between a name and its verb  # a longer filler that may step over other mentions

MAKE = (
    r"(?:released|releases|release|launched|launches|launch|unveiled|unveils|unveil|introduced|introduces|"
    r"debuted|debuts|rolled out|rolls out|open-sourced|open-sources|open sourced|showcased|showcases|"
    r"unleashed|shipped|ships|announced|announces|presented|presents|published|publishes|developed|develops|"
    r"built|builds|created|creates|made available|put out|released a new version of|came out with)"
)
PROPOSE = r"(?:proposed|proposes|drafted|drafts|outlined|outlines|floated|tabled|put forward|puts forward|submitted|unveiled|unveils|announced|announces)"
ENACT = (
    r"(?:signed|signs|enacted|enacts|passed|passes|adopted|adopts|approved|approves|issued|issues|ratified|"
    r"ratifies|implemented|implements|put into force|brought into force|promulgated|finali[sz]ed)"
)
REPEAL = (
    r"(?:revoked|revokes|rescinded|rescinds|repealed|repeals|scrapped|scraps|withdrew|withdraws|overturned|"
    r"overturns|rolled back|rolls back|cancell?ed|cancels|struck down|strikes down|abolished|abolishes|"
    r"reversed|reverses|killed|dropped|tore up|nullified|revoking|rescinding|repealing|scrapping|overturning|"
    r"abolishing|withdrawing|cancell?ing|reversing)"
)
# "chief technology officer", "head of research at X" are not the head of X
NOT_HEAD = (r"(?!\s(?:technology|technical|financial|finance|operating|operations|scientist|science|marketing|product|"
            r"information|security|research|commercial|strategy|people|legal|revenue|digital|data|AI|economist|"
            r"of staff|of research|of policy|of product|of engineering|of communications|of sales|of marketing)\b)")
BE = r"(?:was|were|is|are|has been|have been|had been|been|being|will be|would be)"
LEAD_TITLE = (
    r"(?:co-?founder and chief executive(?: officer)?|founder and chief executive(?: officer)?|co-?founder and CEO|"
    r"founder and CEO|chief executive officer|chief executive|CEO|president|chairman|chairwoman|chairperson|"
    r"chair|head|boss|director|secretary|minister|prime minister|premier|commissioner|managing director|leader|chief|"
    r"governor|mayor|chancellor)"
)
PLACE_NOUN = (
    r"(?:startup|start-up|company|firm|group|chipmaker|chip-maker|chip designer|developer|maker|giant|lab|"
    r"unicorn|provider|conglomerate|manufacturer|supplier|foundry|corporation|outfit|operator|rival|challenger|"
    r"business|champion|player|newcomer|contender|investor|fund|company's|utility|unit|arm|subsidiary|division|"
    r"carmaker|automaker|telecoms group|telecom operator|insurer|bank|lender|chip unit|cloud unit)"
)

_OWNER = r"(?:⟨[A-Za-z|]+:\d+⟩['’]s?\s)?"
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)"


def PLIST(*types: str, name: str) -> str:
    """A list whose items may carry an owner: "OpenAI's GPT-4o and Anthropic's Claude 3.5"."""
    one = _OWNER + E(*types)
    return f"(?P<{name}>{one}(?:{_SEP}{one})*)"


# "the Danish group", "the Busan-based firm": a company named by its country, resolved like an anaphor
DEF_NP = (r"\b[Tt]he\s⟨Country:\d+⟩(?:-based|-headquartered)?\s(?:[\w-]+\s){0,2}?"
          r"(?:startup|start-up|company|firm|group|chipmaker|developer|maker|giant|lab|provider|conglomerate|manufacturer)\s")
# an apposition after a name: ", a US cloud provider," / " of South Korea"
APPOS = r"(?:,\s(?:a|an|the)\s[^⟨⟩;,]{0,40}?(?:⟨Country:\d+⟩[^⟨⟩;,]{0,30}?)?(?=,)|\sof\s⟨Country:\d+⟩)?"

_MAKE_TYPES = by_types({
    ("Company", "AIModel"): "released",
    ("Company", "Hardware"): "manufactures",
    ("Government", "Policy"): "announced",
    ("Person", "Policy"): "announced",
    ("Company", "Project"): "participatesIn",
    ("Government", "Project"): "participatesIn",
})
_POSSESSIVE_TYPES = by_types({("Company", "AIModel"): "released", ("Company", "Hardware"): "manufactures"})

RULES: list[Rule] = [
    # --- making things: released / manufactures / announced / participatesIn -------------
    Rule("en.make.active",
         rf"{E('Company', 'Government', 'Person', name='s')}(?:,[^,;]{{0,80}},)?\s{F}\b{MAKE}\s{F}{LIST('AIModel', 'Hardware', 'Policy', 'Project', name='o')}",
         _MAKE_TYPES, 0.85),
    Rule("en.make.passive",
         rf"{LIST('AIModel', 'Hardware', 'Policy', 'Project', name='o')}{G}\b{BE}\s(?:\w+\s)?(?:released|launched|unveiled|introduced|developed|built|created|made|designed|open-sourced|presented|announced|published|proposed)\s(?:[^⟨⟩;]{{0,30}}?\s)?by\s(?:the\s)?{E('Company', 'Government', 'Person', name='s')}",
         _MAKE_TYPES, 0.85),
    Rule("en.make.by",
         rf"{E('AIModel', 'Hardware', name='o')},?\s(?:a\s|an\s|the\s)?(?:[\w-]+\s){{0,3}}?(?:from|by|developed by|made by|built by|designed by|created by)\s{E('Company', name='s')}",
         _POSSESSIVE_TYPES, 0.75, presupposed=True),
    Rule("en.possessive",
         rf"{E('Company', name='s')}['’]s?\s(?:(?!(?:of|in|for|with|to|on|and|or|from|by|against|over|than|use|deal|rival|rivals|competitor|competitors|version)\b)[a-z][\w-]*\s){{0,3}}{E('AIModel', 'Hardware', name='o')}",
         _POSSESSIVE_TYPES, 0.75, presupposed=True),
    Rule("en.possessive.whose",
         rf"{E('Company', name='s')}(?:,[^;]{{0,60}}?,)?\swhose\s(?:(?!of\b|in\b|for\b|with\b)[a-z][\w-]*\s){{0,3}}{E('AIModel', 'Hardware', name='o')}",
         _POSSESSIVE_TYPES, 0.75),
    Rule("en.make.its_object",
         rf"{E('Company', name='s')}(?:,[^,;]{{0,80}},)?\s{F}\b{MAKE}\s(?P<p>⟨[A-Za-z|]+:\d+⟩)\s(?:[a-z][\w-]*\s){{0,3}}{LIST('AIModel', 'Hardware', name='o')}",
         _POSSESSIVE_TYPES, 0.8, check=lambda fr, m: _possessive(fr.item(fr.indices(m.group("p"))[0]))),
    Rule("en.its",
         rf"{E('Company', name='s')}\s(?:(?:new|newest|latest|upcoming|flagship|own|first|biggest|largest|popular|\w+-\w+)\s){{0,3}}{E('AIModel', 'Hardware', name='o')}",
         _POSSESSIVE_TYPES, 0.7, check=lambda fr, m: _possessive(fr.item(m.group("s"))), presupposed=True),
    Rule("en.compound",
         rf"{E('Company', name='s')}\s{E('Hardware', name='o')}", "manufactures", 0.7, presupposed=True),
    Rule("en.manufactures.active",
         rf"{E('Company', name='s')}{F}\b(?:makes|made|designs|designed|produces|produced|manufactures|manufactured|fabricates|sells|sold|supplies|supplied)\s{F}{LIST('Hardware', name='o')}",
         "manufactures", 0.8),
    Rule("en.manufactures.relative",
         rf"{E('Company', name='s')},\s(?:the|a|an)\s[^;]{{0,60}}?\b(?:that|which)\s(?:makes|designs|produces|manufactures|builds|supplies|sells)\s(?:the\s|its\s)?(?:[\w-]+\s)?{E('Hardware', name='o')}",
         "manufactures", 0.8),
    Rule("en.manufactures.passive",
         rf"{LIST('Hardware', name='o')}{F}\b(?:made|designed|built|produced|developed|manufactured|supplied)\sby\s{E('Company', name='s')}",
         "manufactures", 0.8),
    # --- training and comparison -------------------------------------------------------------
    Rule("en.trained.subject",
         rf"{E('AIModel', name='s')}{G}\b(?:trained|training|pre-trained|pretrained)\b{G}{LIST('Hardware', name='o')}",
         "trainedOn", 0.8),
    Rule("en.trained.object",
         rf"\b(?:trained|trains|train|training)\s{E('AIModel', name='s')}\s(?:on|using|with){G}{LIST('Hardware', name='o')}",
         "trainedOn", 0.8),
    Rule("en.outperforms",
         rf"{E('AIModel', name='s')}{G}\b(?:outperform(?:s|ed|ing)?|beat(?:s|ing)?|surpass(?:es|ed|ing)?|outscor(?:es|ed|ing)|scored higher than|scores higher than|topped|tops|outdid|outdoes|exceed(?:s|ed)|best(?:s|ed)|edged out|outpaced|outpaces|outclass(?:es|ed)|did better than|does better than|performed better than|performs better than|ahead of|more capable than|better than|stronger than)\s{F}{PLIST('AIModel', name='o')}",
         "outperforms", 0.8, modality="claimed"),
    # --- who leads what -------------------------------------------------------------------
    Rule("en.leads.org_title_person",
         rf"{E('Company', 'Government', name='o')}(?:['’]s?)?\s{LEAD_TITLE}{NOT_HEAD},?\s{E('Person', name='s')}",
         "leads", 0.85, check=lambda fr, m: not _former(fr, m), presupposed=True),
    Rule("en.leads.person_orgs_title",
         rf"{E('Person', name='s')},\s(?:the\s)?{E('Company', 'Government', name='o')}['’]s?\s(?:(?:rotating|founding|longtime|long-time|current|new|incoming)\s)?(?:[\w-]+\s(?:and|&)\s)?{LEAD_TITLE}\b{NOT_HEAD}",
         "leads", 0.85, check=lambda fr, m: not _former(fr, m), presupposed=True),
    Rule("en.leads.person_title_of",
         rf"{E('Person', name='s')},\s(?:who\s(?:is|was|serves as)\s)?(?:the\s)?(?:[\w-]+\s(?:and|&)\s)?{LEAD_TITLE}{NOT_HEAD}\s(?:of|at)\s(?:the\s)?(?:(?:(?!(?:at|of|for|in|on)\b)[\w.-]+|⟨[A-Za-z|]+:\d+⟩)\s){{0,3}}?{E('Company', 'Government', name='o')}(?!\s?⟨|-|\s{PLACE_NOUN}\b)",
         "leads", 0.85, check=lambda fr, m: not _former(fr, m), presupposed=True),
    Rule("en.leads.who_heads_list",
         rf"{E('Person', name='s')},?\s(?:who\s(?:is|was|also is|is also|serves as)\s)(?:the\s)?{LEAD_TITLE}{NOT_HEAD}\s(?:of|at)\s(?P<o>{E('Company', 'Government')}(?:(?:,\s|\sand\s|\sas well as\s|,\sand\s){E('Company', 'Government')})*)",
         "leads", 0.8, check=lambda fr, m: not _former(fr, m)),
    Rule("en.leads.led_by",
         rf"{E('Company', 'Government', name='o')}{G}\b(?:led|headed|run|chaired|helmed|managed)\s(?:since\s[^⟨⟩;]{{0,20}}\s)?by\s(?:[\w.-]+\s){{0,4}}?{E('Person', name='s')}",
         "leads", 0.8, check=lambda fr, m: not _former(fr, m)),
    Rule("en.leads.led_by_implicit",
         rf"{DEF_NP}(?:has been|had been|is|was)\s(?:led|run|headed|chaired|helmed)\s(?:since\s[^⟨⟩;]{{0,20}}\s)?by\s(?:[\w.-]+\s){{0,3}}?{E('Person', name='s')}",
         "leads", 0.75, implicit=("o", "Company")),
    Rule("en.leads.who_runs",
         rf"{E('Person', name='s')},\swho\s(?:now\s|also\s|currently\s)?(?:leads|heads|runs|chairs|helms)\s(?:the\s)?{E('Company', 'Government', name='o')}",
         "leads", 0.8),
    Rule("en.leads.verb",
         rf"{E('Person', name='s')}\s(?:\w+\s)?(?:leads|heads|runs|chairs|helms|led|headed|ran|chaired)\s(?:the\s)?{E('Company', 'Government', name='o')}",
         "leads", 0.75),
    # --- where companies are based ---------------------------------------------------------
    Rule("en.based.place_noun_company",
         rf"{E('Country', name='o')}(?:-based|-headquartered)?\s(?:[\w-]+\s){{0,3}}?{PLACE_NOUN}\s{E('Company', name='s')}",
         "basedIn", 0.85, presupposed=True),
    Rule("en.based.company_appos",
         rf"{E('Company', name='s')},\s(?:the|a|an)\s(?:(?!based\b)[\w-]+\s){{0,2}}?{E('Country', name='o')}(?:-based|-headquartered)?\s(?:[\w-]+\s){{0,3}}?{PLACE_NOUN}\b(?!\s(?:has|have|had|is|was|will|would|can|could|became|becomes)\b)",
         "basedIn", 0.85, presupposed=True),
    Rule("en.based.of_country",
         rf"{E('Company', name='s')}\sof\s{E('Country', name='o')}(?!['’])",
         "basedIn", 0.75, check=lambda fr, m: fr.item(m.group("s")).source != "kb"),
    Rule("en.based.definite",
         rf"\b(?:the|The)\s{E('Country', name='o')}(?:-based|-headquartered)?\s(?:[\w-]+\s){{0,2}}?{PLACE_NOUN}\b(?!\s?⟨)",
         "basedIn", 0.7, check=lambda fr, m: not re.search(r"⟩,\s$", fr.template[:m.start()]), presupposed=True),
    Rule("en.based.country_possessive",
         rf"{E('Company', name='s')}(?:\s\([^)]{{1,20}}\))?,\s{E('Country', name='o')}['’]s\s(?:[\w-]+\s){{0,3}}?{PLACE_NOUN}\b",
         "basedIn", 0.8),
    Rule("en.based.in",
         rf"{E('Company', name='s')}{F}\b(?:is|was|are)?\s?(?:based|headquartered|located)\s(?:in|out of)\s(?:[^⟨⟩;]{{0,20}}?)?{E('Country', name='o')}",
         "basedIn", 0.8),
    # --- corporate structure ---------------------------------------------------------------
    Rule("en.subsidiary.possessive",
         rf"{E('Company', name='o')}['’]s?\s(?:(?:[\w-]+|⟨Country:\d+⟩(?:-based)?)\s){{0,2}}?(?:unit|subsidiary|arm|division|affiliate|business|spin-off|spinoff),?\s{E('Company', name='s')}",
         "subsidiaryOf", 0.8, presupposed=True),
    Rule("en.subsidiary.appos",
         rf"{E('Company', name='s')},\s(?:the\s)?{E('Company', name='o')}['’]s?\s(?:(?:[\w-]+|⟨Country:\d+⟩(?:-based)?)\s){{0,2}}?(?:unit|subsidiary|arm|division|affiliate|spin-off|spinoff)\b",
         "subsidiaryOf", 0.8),
    Rule("en.subsidiary.of",
         rf"{E('Company', name='s')},?\s(?:is\s|was\s)?(?:a|an|the)\s(?:[\w-]+\s){{0,2}}?(?:unit|subsidiary|arm|division|affiliate|spin-off|spinoff)\sof\s(?:the\s)?(?:(?:[\w-]+|⟨Country:\d+⟩)\s){{0,3}}?{E('Company', name='o')}",
         "subsidiaryOf", 0.8, presupposed=True),
    Rule("en.subsidiary.bought",
         rf"{E('Company', name='s')},\s(?:a|an|the)\s[^⟨⟩;]{{0,40}}?(?:unit|subsidiary|arm|division|business|company|startup|start-up|firm|maker|lab)\s(?:that\s|which\s)?{E('Company', name='o')}\s(?:bought|acquired|owns|purchased|took over|spun off|spun out|set up|created)\b",
         "subsidiaryOf", 0.75),
    Rule("en.make.appositive_relative",
         rf"{E('AIModel', 'Hardware', name='o')},\s(?:a|an|the)\s[^⟨⟩;]{{0,40}}?\s(?:that\s|which\s)?{E('Company', name='s')}\s(?:designed|developed|built|made|released|launched|created|trained|unveiled|introduced)\b",
         _MAKE_TYPES, 0.7),
    Rule("en.subsidiary.owned",
         rf"{E('Company', name='s')}{F}\b(?:wholly\s)?(?:owned|controlled)\sby\s(?:parent\s(?:company\s)?)?{E('Company', name='o')}",
         "subsidiaryOf", 0.7),
    Rule("en.operates.verb",
         rf"{E('Company', name='s')}{F}\b(?:operates|operated|runs|ran|manages)\s(?:the\s)?{LIST('AIModel', 'Company', 'Project', name='o')}",
         "operates", 0.8),
    Rule("en.operates.relative",
         rf"{E('AIModel', 'Project', name='o')},\s(?:the|a|an)\s[^⟨⟩;]{{0,40}}?{E('Company', name='s')}\s(?:operates|runs)",
         "operates", 0.8),
    Rule("en.operates.operator",
         rf"{E('AIModel', 'Project', 'Company', name='o')}(?:['’]s)?\s(?:operator|owner)\s{E('Company', name='s')}",
         "operates", 0.75, presupposed=True),
    Rule("en.operates.which_runs",
         rf"{E('Company', name='s')},\swhich\s(?:also\s)?(?:operates|runs|owns)\s(?:the\s)?(?:[\w-]+\s){{0,2}}?{E('AIModel', 'Project', name='o')}",
         "operates", 0.8),
    # --- projects ---------------------------------------------------------------------------
    Rule("en.project.join",
         rf"{LIST('Company', 'Government', name='s')}{G}\b(?:founded|formed|joined|join|joins|backs|backed|set up|established|co-founded|partner(?:ed|s)? (?:in|on)|invest(?:ed|ing|s)? in|took part in|take part in|signed on to|participat\w+ in|are part of|is part of|will build|is building|are building|to build)\s{F}{E('Project', name='o')}",
         "participatesIn", 0.8),
    Rule("en.project.partner",
         rf"{E('Project', name='o')}{G}\b(?:in partnership with|in collaboration with|with partners?|together with|alongside|jointly with|backed by|founded by|formed by|co-founded by|set up by)\s(?:the\s)?{LIST('Company', 'Government', name='s')}",
         "participatesIn", 0.8),
    Rule("en.project.members",
         rf"{LIST('Company', 'Government', name='s')}{F}\b(?:are|is|as|were|was)\s(?:the\s)?(?:[\w-]+\s)?(?:partners?|investors?|backers?|members?|participants?|founders?|founding partners?)\s(?:in|of)\s(?:the\s)?{E('Project', name='o')}",
         "participatesIn", 0.8),
    Rule("en.project.possessive_role",
         rf"{E('Company', 'Government', name='s')}\s(?:is|was|are|were|became|remains)\s(?:(?:the|a|an|one of the)\s)?(?:[\w-]+\s)?{E('Project', name='o')}['’]s?\s(?:[\w-]+\s)?(?:funders?|backers?|investors?|partners?|members?|shareholders?|founders?|sponsors?)\b",
         "participatesIn", 0.75),
    Rule("en.project.partners_include",
         rf"\b(?:[Pp]artners|[Mm]embers|[Bb]ackers|[Ii]nvestors|[Pp]articipants)\s(?:include|including|are|were)\s{E('Company', 'Government', name='s')}{APPOS}(?:{_SEP}{E('Company', 'Government', name='s2')}{APPOS})?",
         "participatesIn", 0.7, implicit=("o", "Project")),
    Rule("en.project.unveiled_by_two",
         rf"{E('Project', name='o')}{F}\b{BE}\s(?:\w+\s)?(?:unveiled|launched|announced|founded|formed|set up|created|established|started)\s(?:[^⟨⟩;]{{0,30}}?\s)?by\s(?:the\s)?{E('Company', 'Government', name='s')}{APPOS},?\sand\s{E('Company', 'Government', name='s2')}",
         "participatesIn", 0.8),
    Rule("en.project.jv",
         rf"{E('Project', name='o')},\s(?:a|an|the)\s(?:[\w-]+\s){{0,2}}?(?:joint venture|venture|partnership|consortium|alliance)\s(?:of|between|by|from|with)\s{LIST('Company', 'Government', name='s')}",
         "participatesIn", 0.8),
    # --- money ------------------------------------------------------------------------------
    Rule("en.invest.raised",
         rf"{E('Company', 'Project', name='s')}{GC}\b(?:raised|raises|raising|raise|secured|secures|closed|landed|received|receives|attracted|attracts|drew|bagged|pulled in)\s(?:[^⟨⟩;]{{0,25}}?)?{AMT}",
         "investment", 0.8),
    Rule("en.invest.receive",
         rf"{E('Company', 'Project', name='s')}(?:,[^;]{{0,80}}?,|,\s[^⟨⟩;]{{0,60}}?\s(?:that|which))?\s(?:[^⟨⟩;,]{{0,30}}?\s)?(?:will|would|is to|are to|is set to|set to)\s(?:receive|get)\s(?:[^⟨⟩;]{{0,25}}?)?{AMT}",
         "investment", 0.75, modality="asserted", check=lambda fr, m: not _negated_before(fr, m)),
    Rule("en.invest.implicit",
         rf"{DEF_NP}(?:has\s|have\s)?(?:raised|secured|closed|landed|received|attracted|pulled in)\s(?:[^⟨⟩;]{{0,25}}?)?{AMT}",
         "investment", 0.75, implicit=("s", "Company")),
    Rule("en.invest.round_for",
         rf"{AMT}\s(?:[\w-]+\s){{0,3}}?(?:funding|investment|financing|round|raise|capital injection|fundraising)\b[^⟨⟩;]{{0,25}}?\b(?:for|in|into|by)\s(?:the\s)?{E('Company', 'Project', name='s')}",
         "investment", 0.8),
    Rule("en.invest.in",
         rf"\b(?:invest(?:s|ed|ing)?|pour(?:s|ed|ing)?|commit(?:s|ted|ting)?|confirm(?:s|ed)?|pledg(?:e|es|ed)|earmark(?:s|ed)?|allocat(?:e|es|ed)|grant(?:s|ed)?|award(?:s|ed)?|inject(?:s|ed|ing)?|put(?:s|ting)?|plough(?:s|ed)?|plow(?:s|ed)?)\s(?:[^⟨⟩;]{{0,20}}?)?{AMT}\s(?:[^⟨⟩;]{{0,30}}?)?\b(?:in|into|to|for)\s(?:the\s)?{E('Company', 'Project', name='s')}",
         "investment", 0.8),
    Rule("en.invest.project_budget",
         rf"{E('Project', name='s')}{G}\b(?:mobili[sz]e|mobili[sz]es|mobili[sz]ing|raise|invest|commit|deploy|worth|budget of|funding of|backed by|investment of|cost of)\s(?:[^⟨⟩;]{{0,20}}?)?{AMT}",
         "investment", 0.75, check=lambda fr, m: not _pronoun(fr, m.group("s"))),
    Rule("en.invest.sized_apposition",
         rf"{E('Project', 'Company', name='s')},\s(?:a|an|the)\s(?P<a>{AMOUNT})\s(?:[\w-]+\s){{0,2}}?(?:supercomputer|project|data cent(?:re|er)|campus|fund|initiative|programme|program|plant|facility|cluster|venture)\b",
         "investment", 0.7),
    Rule("en.cost.trained_for",
         rf"{E('AIModel', name='s')}{G}\b(?:trained|built|developed)\b{G}\bfor\s(?:about\s|around\s|roughly\s|just\s|only\s)?(?P<a>{AMOUNT})",
         "developmentCost", 0.7),
    Rule("en.cost.to_train",
         rf"{E('AIModel', name='s')}{REL}[^⟨⟩;,]{{0,30}}?\bcost(?:s|ing)?\s(?:[^⟨⟩;]{{0,20}}?)?{AMT}(?:[^⟨⟩;]{{0,20}}?)\bto\s(?:train|build|develop|make|create)",
         "developmentCost", 0.8),
    Rule("en.cost.noun",
         rf"{E('AIModel', name='s')}{REL}(?:['’]s?)?[^⟨⟩;,]{{0,30}}?\b(?:training|development|compute|building)\s(?:costs?|bill|budget)\s(?:of\s|was\s|were\s|at\s|totall?ed\s|came to\s|reached\s)?(?:[^⟨⟩;]{{0,15}}?)?{AMT}",
         "developmentCost", 0.8),
    Rule("en.cost.gerund",
         rf"\b(?:[Tt]raining|[Bb]uilding|[Dd]eveloping|[Cc]reating)\s{E('AIModel', name='s')}\s(?:cost|costs|has cost|had cost)\s(?:[^⟨⟩;]{{0,15}}?)?{AMT}",
         "developmentCost", 0.8),
    Rule("en.cost.trained_for",
         rf"\b(?:trained|built|developed)\s{E('AIModel', name='s')}\s[^;⟨⟩]{{0,20}}(?:⟨Hardware[^⟩]*⟩[^;⟨⟩]{{0,20}})?\bfor\s(?:about\s|around\s|roughly\s|just\s|only\s|less than\s|under\s)?{AMT}",
         "developmentCost", 0.8),
    Rule("en.cost.spent",
         rf"\bspent\s(?:[^⟨⟩;]{{0,15}}?)?{AMT}\s(?:on\s|to\s)?(?:training|building|developing|train|build|develop)\s{E('AIModel', name='s')}",
         "developmentCost", 0.8),
    # --- policy -----------------------------------------------------------------------------
    Rule("en.policy.propose",
         rf"{E('Government', 'Person', name='s')}(?:,[^,;]{{0,80}},)?\s{F}\b{PROPOSE}\s{F}{LIST('Policy', name='o')}",
         "announced", 0.8),
    Rule("en.policy.enact",
         rf"{E('Government', 'Person', name='s')}(?:,[^,;]{{0,80}},)?\s{F}\b{ENACT}\s{F}{LIST('Policy', name='o')}",
         "enacted", 0.85),
    Rule("en.policy.enact_passive",
         rf"{LIST('Policy', name='o')}{G}\b{BE}\s(?:\w+\s)?{ENACT}\s(?:[^⟨⟩;]{{0,30}}?\s)?by\s(?:the\s)?{E('Government', 'Person', name='s')}",
         "enacted", 0.85),
    Rule("en.policy.repeal",
         rf"{E('Government', 'Person', name='s')}(?:,[^,;]{{0,80}},)?\s{F}\b{REPEAL}\s{F}{LIST('Policy', name='o')}",
         "repealed", 0.85),
    Rule("en.policy.repeal_passive",
         rf"{LIST('Policy', name='o')}{G}\b{BE}\s(?:\w+\s)?{REPEAL}\s(?:[^⟨⟩;]{{0,30}}?\s)?by\s(?:the\s)?{E('Government', 'Person', name='s')}",
         "repealed", 0.85),
]


def _pronoun(frame, group: str) -> bool:
    item = frame.item(frame.indices(group)[0])
    return getattr(item, "text", "").lower() in ("it", "its", "they", "their") or getattr(item, "source", "").startswith("pronoun:")


def _possessive(item) -> bool:
    """ "its"/"their", also when names_en already resolved it to its company."""
    return getattr(item, "text", "").lower() in ("its", "their") or getattr(item, "source", "") in ("pronoun:its", "pronoun:their")


def _negated_before(frame, m) -> bool:
    span = frame.template[max(0, m.start() - 10):m.end()].lower()
    return bool(re.search(r"\b(?:not|never|no longer)\b|n['’]t\b", span))


def _former(frame, m) -> bool:
    """'former chief executive', 'ex-CEO', 'vice president': not the head (now)."""
    span = frame.template[max(0, m.start() - 12):m.end()].lower()
    return any(w in span for w in ("former", "ex-", "vice", "deputy", "then-", "late ", "acting"))


_GOV_NOUNS = r"(?:government|administration|ministry|ministries|cabinet|parliament|congress|senate|regulators?|authorities|lawmakers|officials|state|presidency)"
_DEMONYM = re.compile(r"(?:an|ese|ish|ch|ic|i)$")


def _adjectival(frame, idx: int) -> bool:
    """A country named as a modifier ("the French startup", "Busan-based", "Korea's coast") is no actor."""
    m = frame.item(idx)
    if not isinstance(m, Mention) or m.types != ("Country",):
        return False
    after = frame.text[m.end - frame.start:m.end - frame.start + 40]
    if re.match(r"-(?:based|headquartered|born|owned|backed|listed|made|language)", after):
        return True
    if re.match(rf"(?:['’]s?)?\s+(?!{_GOV_NOUNS}\b)[a-z]", after):
        # "France signed …" has a verb after the name; "French startup", "Korea's coast" a noun
        return bool(_DEMONYM.search(m.text)) or bool(re.match(r"['’]s?\s", after)) or m.text.isupper() or "." in m.text
    return False


_POSSESSIVES = ("its", "their", "his", "her")
_OWNED_OBJECT = ("en.make.", "en.policy.", "en.manufactures.", "en.trained.", "en.outperforms", "en.operates.", "en.project.")


def _guarded(rule: Rule) -> Rule:
    inner = rule.check
    no_possessive_object = rule.name.startswith(_OWNED_OBJECT)

    def check(frame, match) -> bool:
        for g in ("s", "s2", "o"):
            if g in match.re.groupindex and match.group(g):
                if any(_adjectival(frame, i) for i in frame.indices(match.group(g))):
                    return False
        # "shipped its first T2 units": "its" owns the object, it is not the object
        if no_possessive_object and "o" in match.re.groupindex and match.group("o"):
            first = frame.indices(match.group("o"))[0]
            if _possessive(frame.item(first)):
                return False
        return inner is None or inner(frame, match)

    return replace(rule, check=check)


# a country as subject or object of anything but basedIn must be an actor, not a modifier
RULES = [r if r.name.startswith("en.based.") else _guarded(r) for r in RULES]
