"""Phrases the demo recommendations are composed of, by theme.

Themes are named as UPR Info's database names its issues (the vocabulary of the real cycle-1 recommendations the
project bundles), so that a theme chart counts real and demo recommendations under the same names.

Each theme has actions in the style of UPR working-group reports; a recommendation is an
opening, an action and a closing clause, about 150–300 characters like the real ones.
"""

from __future__ import annotations

THEMES: dict[str, list[str]] = {
    "Women's rights": [
        "combat violence against women, including domestic violence and marital rape, and ensure that perpetrators are prosecuted",
        "eliminate discriminatory provisions against women in the civil and family codes",
    ],
    "Rights of the Child": [
        "prohibit corporal punishment of children in all settings, including the home",
        "raise the minimum age of marriage to 18 years for both girls and boys",
    ],
    "Torture and other cruel, inhuman or degrading treatment": [
        "establish an independent mechanism to investigate all allegations of torture and ill-treatment by law enforcement officials",
        "bring the definition of torture in the criminal code into line with the Convention against Torture",
    ],
    "Death penalty": [
        "establish an official moratorium on executions with a view to abolishing the death penalty",
        "commute all death sentences to terms of imprisonment",
    ],
    "Freedom of opinion and expression": [
        "decriminalize defamation and guarantee the safety of journalists and media workers",
        "ensure that legislation on the media and the internet complies with international standards on freedom of expression",
    ],
    "Human rights defenders": [
        "protect human rights defenders from harassment and reprisals and investigate all attacks against them",
        "create an enabling environment for civil society organizations, including by reviewing restrictive registration laws",
    ],
    "Justice": [
        "strengthen the independence of the judiciary and guarantee the right to a fair trial",
        "reduce the length of pre-trial detention and improve conditions in places of detention",
    ],
    "NHRI": [
        "establish a national human rights institution in full compliance with the Paris Principles",
        "provide the national human rights institution with adequate financial and human resources",
    ],
    "Racial discrimination": [
        "adopt a comprehensive anti-discrimination law covering all grounds, including race, ethnicity and descent",
        "combat hate speech and racist incidents and ensure that such acts are investigated and punished",
    ],
    "Disabilities": [
        "ensure inclusive education and access to employment for persons with disabilities",
        "harmonize national legislation with the Convention on the Rights of Persons with Disabilities",
    ],
    "Migrants": [
        "protect the rights of migrant workers, including domestic workers, against abuse and exploitation",
        "ensure access to asylum procedures and respect the principle of non-refoulement",
    ],
    "Trafficking": [
        "strengthen measures to combat trafficking in persons and provide assistance and protection to victims",
    ],
    "Right to education": [
        "guarantee free and compulsory primary education for all children, particularly girls and children in rural areas",
    ],
    "Right to health": [
        "improve access to health services, especially maternal health care in rural areas",
    ],
    "Poverty": [
        "continue implementing poverty reduction strategies with a human rights-based approach",
    ],
    "Indigenous peoples": [
        "guarantee the right of indigenous peoples to free, prior and informed consultation on projects affecting their lands",
    ],
    "Sexual Orientation and Gender Identity": [
        "decriminalize consensual sexual relations between adults of the same sex and combat discrimination on that ground",
    ],
    "Freedom of religion and belief": [
        "guarantee freedom of religion or belief and protect religious minorities from discrimination",
    ],
    "Special procedures": [
        "extend a standing invitation to all special procedures mandate holders and accept pending visit requests",
    ],
    "Treaty bodies": [
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
    "Women's rights": "women and girls", "Rights of the Child": "children", "Migrants": "migrants",
    "Disabilities": "persons with disabilities", "Indigenous peoples": "indigenous peoples",
    "Human rights defenders": "human rights defenders", "Racial discrimination": "minorities",
    "Sexual Orientation and Gender Identity": "LGBTI persons", "Trafficking": "victims of trafficking",
}  # fmt: skip
