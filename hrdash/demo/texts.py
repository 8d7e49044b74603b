"""Phrases the demo recommendations are composed of, by theme.

Each theme has actions in the style of UPR working-group reports; a recommendation is an
opening, an action and a closing clause, about 150–300 characters like the real ones.
"""

from __future__ import annotations

THEMES: dict[str, list[str]] = {
    "women's rights": [
        "combat violence against women, including domestic violence and marital rape, and ensure that perpetrators are prosecuted",
        "eliminate discriminatory provisions against women in the civil and family codes",
    ],
    "children's rights": [
        "prohibit corporal punishment of children in all settings, including the home",
        "raise the minimum age of marriage to 18 years for both girls and boys",
    ],
    "torture and other CID treatment": [
        "establish an independent mechanism to investigate all allegations of torture and ill-treatment by law enforcement officials",
        "bring the definition of torture in the criminal code into line with the Convention against Torture",
    ],
    "death penalty": [
        "establish an official moratorium on executions with a view to abolishing the death penalty",
        "commute all death sentences to terms of imprisonment",
    ],
    "freedom of expression": [
        "decriminalize defamation and guarantee the safety of journalists and media workers",
        "ensure that legislation on the media and the internet complies with international standards on freedom of expression",
    ],
    "human rights defenders": [
        "protect human rights defenders from harassment and reprisals and investigate all attacks against them",
        "create an enabling environment for civil society organizations, including by reviewing restrictive registration laws",
    ],
    "justice": [
        "strengthen the independence of the judiciary and guarantee the right to a fair trial",
        "reduce the length of pre-trial detention and improve conditions in places of detention",
    ],
    "national human rights institution": [
        "establish a national human rights institution in full compliance with the Paris Principles",
        "provide the national human rights institution with adequate financial and human resources",
    ],
    "racial discrimination": [
        "adopt a comprehensive anti-discrimination law covering all grounds, including race, ethnicity and descent",
        "combat hate speech and racist incidents and ensure that such acts are investigated and punished",
    ],
    "persons with disabilities": [
        "ensure inclusive education and access to employment for persons with disabilities",
        "harmonize national legislation with the Convention on the Rights of Persons with Disabilities",
    ],
    "migrants": [
        "protect the rights of migrant workers, including domestic workers, against abuse and exploitation",
        "ensure access to asylum procedures and respect the principle of non-refoulement",
    ],
    "trafficking": [
        "strengthen measures to combat trafficking in persons and provide assistance and protection to victims",
    ],
    "right to education": [
        "guarantee free and compulsory primary education for all children, particularly girls and children in rural areas",
    ],
    "right to health": [
        "improve access to health services, especially maternal health care in rural areas",
    ],
    "poverty": [
        "continue implementing poverty reduction strategies with a human rights-based approach",
    ],
    "indigenous peoples": [
        "guarantee the right of indigenous peoples to free, prior and informed consultation on projects affecting their lands",
    ],
    "sexual orientation and gender identity": [
        "decriminalize consensual sexual relations between adults of the same sex and combat discrimination on that ground",
    ],
    "freedom of religion": [
        "guarantee freedom of religion or belief and protect religious minorities from discrimination",
    ],
    "cooperation with special procedures": [
        "extend a standing invitation to all special procedures mandate holders and accept pending visit requests",
    ],
    "treaty body reporting": [
        "submit its overdue reports to the treaty bodies and establish a national mechanism for reporting and follow-up",
    ],
}

OPENINGS = [
    "Take further measures to", "Continue its efforts to", "Strengthen its efforts to", "Take effective steps to",
    "Adopt the necessary measures to", "Redouble its efforts to", "Intensify efforts to", "Consider measures to",
]  # fmt: skip
CLOSINGS = [
    "", " in line with its international human rights obligations", " in consultation with civil society",
    " with the technical assistance of OHCHR", ", and allocate sufficient resources for this purpose",
    " and raise awareness among the population", ", as recommended by the treaty bodies",
]  # fmt: skip

# How a recommendation to join a treaty names it: names, abbreviations and common variants.
RATIFY_OPENINGS = ["Ratify", "Consider ratifying", "Accede to", "Sign and ratify", "Take steps to ratify"]
INSTRUMENT_NAMES: dict[str, list[str]] = {
    "CERD": ["the International Convention on the Elimination of All Forms of Racial Discrimination", "ICERD"],
    "CCPR": ["the International Covenant on Civil and Political Rights", "the ICCPR"],
    "CCPR-OP1": ["the first Optional Protocol to the ICCPR"],
    "CCPR-OP2-DP": ["the Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at the abolition of the death penalty", "the ICCPR-OP2"],
    "CESCR": ["the International Covenant on Economic, Social and Cultural Rights", "the ICESCR"],
    "CESCR-OP": ["the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights", "the OP-ICESCR"],
    "CEDAW-OP": ["the Optional Protocol to CEDAW", "the Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women"],
    "CAT": ["the Convention against Torture", "CAT"],
    "CAT-OP": ["the Optional Protocol to the Convention against Torture", "OP-CAT", "the OPCAT"],
    "CRC-OP-AC": ["the Optional Protocol to the CRC on the involvement of children in armed conflict"],
    "CRC-OP-SC": ["the Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography"],
    "CRC-OP-IC": ["the Optional Protocol to the Convention on the Rights of the Child on a communications procedure"],
    "CMW": ["the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families", "the ICRMW", "the Migrant Workers Convention"],
    "CED": ["the International Convention for the Protection of All Persons from Enforced Disappearance", "the CED", "the ICPPED"],
    "CRPD": ["the Convention on the Rights of Persons with Disabilities", "the CRPD"],
    "CRPD-OP": ["the Optional Protocol to the Convention on the Rights of Persons with Disabilities"],
}  # fmt: skip
AFFECTED_GROUPS = {
    "women's rights": "women and girls", "children's rights": "children", "migrants": "migrants",
    "persons with disabilities": "persons with disabilities", "indigenous peoples": "indigenous peoples",
    "human rights defenders": "human rights defenders", "racial discrimination": "minorities",
    "sexual orientation and gender identity": "LGBTI persons", "trafficking": "victims of trafficking",
}  # fmt: skip
