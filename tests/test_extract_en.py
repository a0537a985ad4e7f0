"""English extraction on hand-made sentences: one row per construction.

Names are invented (no knowledge base holds them) unless a row is about a well-known
entity. A row lists triples that must be extracted as stated facts and triples that must
not be; entities are compared by any of their labels, case-insensitively.
"""
from __future__ import annotations


import pytest

from kg.ingest import read_text
from kg.pipeline import Pipeline

from extract_support import facts, has


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _facts(pipeline: Pipeline, text: str, *, stated: bool = True):
    return facts(pipeline, text, lang="en", stated=stated)


_has = has


CASES = [
    # --- released: active, passive, apposition, possessive, coreference ------------------------
    ("released-active",
     "Quorvix Labs, a Lisbon startup, on Monday released Halvard-2, a reasoning model for legal work.",
     [("Quorvix Labs", "released", "Halvard-2")], []),
    ("released-passive",
     "The Tamsin-4 model was developed by Brightloom Technologies and released on Thursday.",
     [("Brightloom Technologies", "released", "Tamsin-4")], []),
    ("released-possessive",
     "Engineers praised Pellucid AI's new Ostrava-3 model for its speed.",
     [("Pellucid AI", "released", "Ostrava-3")], []),
    ("released-pronoun",
     "Corvane Systems was founded in 2021. It launched Mirelle-1, its first language model, in May.",
     [("Corvane Systems", "released", "Mirelle-1")], []),
    ("released-well-known",
     "OpenAI released GPT-4o in May 2024.",
     [("OpenAI", "released", "GPT-4o")], []),
    ("released-whose-model",
     "Among its customers is Orvale AI, the British research lab, whose Serin-2 model was trained on Halbrook H9 chips.",
     [("Orvale AI", "released", "Serin-2"), ("Serin-2", "trainedOn", "Halbrook H9")], []),
    ("released-possessive-with-modifiers",
     "Nuvaro's Portuguese-language model Ipanem-2 is used by courts.",
     [("Nuvaro", "released", "Ipanem-2")], []),
    ("possessive-pronoun-is-not-the-object",
     "Brightloom Technologies released Tamsin-4 in May. Ardwick Semiconductor shipped its first RV-90 units last autumn.",
     [("Ardwick Semiconductor", "manufactures", "RV-90")], [("Ardwick Semiconductor", "released", "Tamsin-4")]),
    ("released-its-is-the-sentence-subject",
     "Dravon Systems, which has invested in Quorvix Labs, uses Halvard-2 in its Penwright-3 assistant.",
     [("Dravon Systems", "released", "Penwright-3")], [("Quorvix Labs", "released", "Penwright-3")]),
    # --- non-facts: negation, plans, rumours -----------------------------------------------------
    ("released-negated",
     "Zephyrine Labs has not released Caldor-5, the company said.",
     [], [("Zephyrine Labs", "released", "Caldor-5")]),
    ("released-planned",
     "Zephyrine Labs plans to release Caldor-6 next year.",
     [], [("Zephyrine Labs", "released", "Caldor-6")]),
    ("released-rumoured",
     "Zephyrine Labs reportedly unveiled Caldor-7 to a few customers.",
     [], [("Zephyrine Labs", "released", "Caldor-7")]),
    # --- manufactures ----------------------------------------------------------------------------
    ("manufactures-relative",
     "Tessaline, the Busan-based startup that makes the QX-410 AI accelerator, hired 40 engineers.",
     [("Tessaline", "manufactures", "QX-410")], []),
    ("manufactures-possessive-plural",
     "The cluster uses 2,048 of Ardwick Semiconductor's RV-90 chips.",
     [("Ardwick Semiconductor", "manufactures", "RV-90")], []),
    # --- trainedOn, outperforms ------------------------------------------------------------------
    ("trained-on",
     "Lorensa-2 was trained on 4,096 Halbrook H9 accelerators, said Varnel AI, which built it.",
     [("Lorensa-2", "trainedOn", "Halbrook H9")], []),
    ("outperforms-possessed-list",
     "Varnel AI said Lorensa-2 outscored Meta's Llama 3 70B and Orvieto Labs' Quell-4 on maths tests.",
     [("Lorensa-2", "outperforms", "Llama 3 70B"), ("Lorensa-2", "outperforms", "Quell-4")],
     [("Orvieto Labs", "released", "Lorensa-2")]),
    # --- leads -----------------------------------------------------------------------------------
    ("leads-apposition-possessive",
     '"We are ready," said Ilse Marwood, Quenfield Robotics\' chief executive, in Oslo.',
     [("Ilse Marwood", "leads", "Quenfield Robotics")], []),
    ("leads-title-of-with-country-adjective",
     "Among the signatories was Teodor Varga, chief executive of the Hungarian startup Lumora AI.",
     [("Teodor Varga", "leads", "Lumora AI")], [("Teodor Varga", "leads", "Hungary")]),
    ("leads-passive-anaphor",
     "Calderon Dynamics makes drones. The company is led by Park Ji-won, a former pilot.",
     [("Park Ji-won", "leads", "Calderon Dynamics")], []),
    ("leads-former-is-not-head",
     "Wendel Ostrand, the former chief executive of Brask Analytics, joined a fund.",
     [], [("Wendel Ostrand", "leads", "Brask Analytics")]),
    ("leads-board-with-place-in-name",
     "Margit Holm, chair of the European AI Safety Board, spoke in Brussels.",
     [("Margit Holm", "leads", "European AI Safety Board")], [("Margit Holm", "leads", "Europe")]),
    ("leads-not-for-other-chiefs",
     "The model was shown by Ada Brill, the company's chief technology officer, and Ona Vell, head of research "
     "at Quorvix Labs. Quorvix Labs vice president Rhea Lund was absent.",
     [], [("Ada Brill", "leads", "Quorvix Labs"), ("Ona Vell", "leads", "Quorvix Labs"), ("Rhea Lund", "leads", "Quorvix Labs")]),
    ("leads-who-runs",
     "Ilse Marwood, who runs Quenfield Robotics, spoke first.",
     [("Ilse Marwood", "leads", "Quenfield Robotics")], []),
    ("leads-council-chaired-by",
     "Peru's National Council for Data Policy, chaired by the economist Rosa Ilave Quispe, met on Monday.",
     [("Rosa Ilave Quispe", "leads", "National Council for Data Policy")], []),
    # --- basedIn ---------------------------------------------------------------------------------
    ("based-apposition",
     "Nimbrel, the Paris-based developer of chatbots, said it was hiring.",
     [("Nimbrel", "basedIn", "France")], []),
    ("based-country-noun",
     "The French cloud firm Ostrelle signed a deal.",
     [("Ostrelle", "basedIn", "France")], []),
    ("based-of-country",
     "Industrial partners include Harrowgate Photonics of the Netherlands.",
     [("Harrowgate Photonics", "basedIn", "Netherlands")], []),
    ("based-open-apposition-is-a-new-clause",
     "Its founders came from Tarsel Systems, the Finnish startup has since grown to 200 people.",
     [], [("Tarsel Systems", "basedIn", "Finland")]),
    ("based-dotted-abbreviation",
     "Qantorra, the U.S. chip designer, hired 30 people.",
     [("Qantorra", "basedIn", "United States")], []),
    ("country-noun-coreference",
     "Selvane Robotics raised money from Brixholm Systems, turning the Danish robot maker into a unicorn. "
     "Orlen Capital also invested. The Danish group has been run since 2022 by Maren Tolstrup.",
     [("Maren Tolstrup", "leads", "Brixholm Systems")], [("Maren Tolstrup", "leads", "Orlen Capital")]),
    # --- subsidiaryOf, operates ------------------------------------------------------------------
    ("subsidiary-possessive-unit",
     "Graventide Holdings' cloud unit, Graventide Cloud, will open a site in Osaka.",
     [("Graventide Cloud", "subsidiaryOf", "Graventide Holdings")], []),
    ("subsidiary-apposition",
     "Velora Edge, a subsidiary of Velora Semiconductor, designs sensors.",
     [("Velora Edge", "subsidiaryOf", "Velora Semiconductor")], []),
    ("subsidiary-apposition-with-anaphor",
     "Halvorsen Semiconductor makes sensors. Halvorsen Edge, the company's Munich-based subsidiary, hired 50 people.",
     [("Halvorsen Edge", "subsidiaryOf", "Halvorsen Semiconductor")], []),
    ("subsidiary-unit-named-after-comma",
     "Tervane Heavy Industries' data centre arm, Tervane DC, opened a site.",
     [("Tervane DC", "subsidiaryOf", "Tervane Heavy Industries")], [("Tervane Heavy Industries", "operates", "Tervane DC")]),
    ("operates-which-runs",
     "Marlowe Labs, which runs the Penwright writing assistant, raised money.",
     [("Marlowe Labs", "operates", "Penwright")], []),
    # --- participatesIn --------------------------------------------------------------------------
    ("project-passive-two-founders",
     "Starhollow, a data centre project, was unveiled in March by Quillon Systems, a US cloud provider, and Daebong Heavy Industries of South Korea.",
     [("Quillon Systems", "participatesIn", "Starhollow"), ("Daebong Heavy Industries", "participatesIn", "Starhollow")],
     [("South Korea", "participatesIn", "Starhollow")]),
    ("project-joined-with-country-adjective",
     "Tessaline, the Busan-based startup, has joined Project Greywater, a data centre project on South Korea's coast.",
     [("Tessaline", "participatesIn", "Project Greywater")], [("South Korea", "participatesIn", "Project Greywater")]),
    ("project-funder",
     "Project Morrow is a public supercomputer. The Ministry of Digital Affairs is the project's largest funder.",
     [("Ministry of Digital Affairs", "participatesIn", "Project Morrow")], []),
    # --- policy: enacted, announced, repealed ----------------------------------------------------
    ("policy-announced",
     "The Ministry of Digital Affairs on Monday proposed the Algorithmic Audit Act.",
     [("Ministry of Digital Affairs", "announced", "Algorithmic Audit Act")], []),
    ("policy-scheme-announced-by-office",
     "The UK's Office for Frontier Robotics, a government body, announced the National Robot Access Scheme on Monday.",
     [("Office for Frontier Robotics", "announced", "National Robot Access Scheme")], []),
    ("policy-enacted-passive",
     "The Synthetic Media Labelling Act was adopted by the Ministry of Digital Affairs in January.",
     [("Ministry of Digital Affairs", "enacted", "Synthetic Media Labelling Act")], []),
    ("policy-repealed-shortened-name",
     "The National Council for Data Policy met on Monday. The council also scrapped the Cloud Residency Rule of 2019.",
     [("National Council for Data Policy", "repealed", "Cloud Residency Rule")], []),
    ("policy-repealed-by-an-order-revoking",
     "The premier signed a decree revoking the Drone Registry Decree, said the Ministry of Transport Safety. "
     "Prime Minister Alva Rensdottir signed an order revoking the Cloud Residency Rule.",
     [("Alva Rensdottir", "repealed", "Cloud Residency Rule")], []),
    ("policy-not-enacted",
     "The Parliament has not passed the Dark Patterns Act.",
     [], [("Parliament", "enacted", "Dark Patterns Act")]),
    # --- amounts ---------------------------------------------------------------------------------
    ("amount-dollars-million",
     "Ferrowind AI raised $5.6 million in a seed round.",
     [("Ferrowind AI", "investment", (5_600_000, "USD"))], []),
    ("amount-euro-bn",
     "The commission confirmed €1.7bn for Project Halcyon, a network of supercomputers.",
     [("Project Halcyon", "investment", (1_700_000_000, "EUR"))], []),
    ("amount-us-dollar-m",
     "Ostrava Cloud Systems raised US$500m from pension funds.",
     [("Ostrava Cloud Systems", "investment", (500_000_000, "USD"))], []),
    ("amount-bn-dollars-will-receive",
     "Project Aurelio, a campus near Recife, will receive 4bn dollars over the decade.",
     [("Project Aurelio", "investment", (4_000_000_000, "USD"))], []),
    ("amount-will-receive-relative",
     "The plan's centrepiece is Project Solano, a supercomputing campus near Quito that will receive 2bn dollars.",
     [("Project Solano", "investment", (2_000_000_000, "USD"))], []),
    ("amount-recipient-not-parent",
     "Halvorsen Semiconductor makes sensors. Halvorsen Edge, the company's Munich-based subsidiary, will receive "
     "1.2 billion euros in subsidies.",
     [("Halvorsen Edge", "investment", (1_200_000_000, "EUR"))],
     [("Halvorsen Semiconductor", "investment", (1_200_000_000, "EUR"))]),
    ("amount-raised-by-the-nearest-company",
     "Former Quorvix Labs researcher Ada Brill founded Selvane Robotics, which raised $80 million.",
     [("Selvane Robotics", "investment", (80_000_000, "USD"))], [("Quorvix Labs", "investment", (80_000_000, "USD"))]),
    ("amount-investor-is-not-recipient",
     "Dravon Systems said on Thursday it would invest $2 billion in a packaging plant.",
     [], [("Dravon Systems", "investment", (2_000_000_000, "USD"))]),
    ("amount-won-implicit-subject",
     "Tessaline Semiconductor makes chips. The Busan-based firm raised 30 billion won in a Series B round.",
     [("Tessaline Semiconductor", "investment", (30_000_000_000, "KRW"))], []),
    ("amount-development-cost",
     "Brightloom Technologies said Tamsin-4 cost $12 million to train.",
     [("Tamsin-4", "developmentCost", (12_000_000, "USD"))], []),
    ("amount-cost-trained-for",
     "Corvane Systems trained Mirelle-2 on 512 Halbrook H9 chips for $5.6 million.",
     [("Mirelle-2", "developmentCost", (5_600_000, "USD")), ("Mirelle-2", "trainedOn", "Halbrook H9")], []),
    ("amount-cost-other-model-in-relative-clause",
     "Brightloom said Tamsin-4, which replaced the older Tamsin-3 model, cost $9 million to train.",
     [("Tamsin-4", "developmentCost", (9_000_000, "USD"))], [("Tamsin-3", "developmentCost", (9_000_000, "USD"))]),
]


@pytest.mark.parametrize("text,expected,forbidden", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sentence(pipeline, text, expected, forbidden):
    facts = _facts(pipeline, text)
    shown = [(sorted(s)[0], p, o if isinstance(o, tuple) else sorted(o)[0], m) for s, p, o, m in facts]
    for s, p, o in expected:
        assert _has(facts, s, p, o), f"missing {(s, p, o)} in {shown}"
    for s, p, o in forbidden:
        assert not _has(facts, s, p, o), f"unexpected {(s, p, o)} in {shown}"


def test_negated_fact_is_kept_and_marked(pipeline):
    facts = _facts(pipeline, "Zephyrine Labs has not released Caldor-5, the company said.", stated=False)
    mods = {m for s, p, o, m in facts if p == "released" and "caldor-5" in o}
    assert mods == {"negated"}


def test_same_text_same_facts(pipeline):
    text = "Quorvix Labs, a Lisbon startup, released Halvard-2. It is led by Ana Ferreira Lopes."
    a = pipeline.extract(read_text(text, id="t", lang="en"))
    b = pipeline.extract(read_text(text, id="t", lang="en"))
    assert a.facts == b.facts and a.entities == b.entities
