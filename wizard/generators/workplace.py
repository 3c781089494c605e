"""What a person's role line says about the place they work, for the words a
plan uses when it sends them to someone.

A dental hygienist in a family practice, a school librarian or a shop's
manager has no comms team: the person to ask is the practice owner, the
school's leadership, the owner. ``small_workplace`` reads that from the role
line's words ("practice", "school", "clinic", "shop", "small firm") and
gives the words to use instead. A programme's people always have a comms
team, and a role that names a large organisation (a trust, a district, a
group, a hospital) keeps the general words.

``us_public_employee`` reads whether a reader in the US works for a public
employer (a public school, a county, a state agency): the National Labor
Relations Act does not cover them (29 U.S.C. 152(2) leaves out states and
their subdivisions), and what protects their speech is the First Amendment
as it applies to public employees. Both are read from words only, and say
nothing when unsure.
"""

from __future__ import annotations

import re

# Words that name a large employer, whose people have a communications office:
# they outrank the small-workplace words ("Nurse, hospital dental clinic").
_LARGE = re.compile(
    r"\b(trust|district|hospital|health system|university|college|council|county|"
    r"agency|group|corporation|plc|inc|multinational|chain|network|ministry|"
    r"department of|federal|government|authority|academy trust)\b"
    # The NHS runs hospitals, but an "NHS dental practice" or an "NHS pharmacy"
    # is a small business with an NHS contract.
    r"|\bnhs\b(?!\s+(dental|gp|general|medical|optometry|optician'?s?|community)?\s*"
    r"(practice|surgery|pharmacy|opticians?)\b)",
    re.IGNORECASE,
)
# (pattern, who to ask): the first that the role line names wins.
_SMALL = (
    (
        re.compile(
            r"\b(dental|dentist'?s?|veterinary|vet|gp|medical|family|physiotherapy|"
            r"optometry|optician'?s?|law|accountancy|architecture|design)\s+"
            r"(practice|surgery)\b|\bpractice\b",
            re.IGNORECASE,
        ),
        "your manager or the practice owner",
    ),
    (
        re.compile(r"\b(school|academy|nursery|preschool|kindergarten)\b", re.IGNORECASE),
        "your school's leadership",
    ),
    (re.compile(r"\b(clinic|surgery)\b", re.IGNORECASE), "your manager or the clinic's owner"),
    (re.compile(r"\b(pharmacy|chemist)\b", re.IGNORECASE), "your manager or the pharmacy's owner"),
    (
        re.compile(
            r"\b(small|family|independent|local)\s+([a-z]+\s+){0,2}(firm|business|company|"
            r"consultancy|studio|agency)\b|\b(shop|salon|bakery|cafe|café|restaurant|"
            r"garage|workshop|studio|store)\b",
            re.IGNORECASE,
        ),
        "your manager or the owner",
    ),
)


# The answers of ``small_workplace`` that name a small healthcare-style
# practice (a dental or GP practice, a clinic, a pharmacy), not a school or shop.
_PRACTICE = frozenset(
    {
        "your manager or the practice owner",
        "your manager or the clinic's owner",
        "your manager or the pharmacy's owner",
    }
)


def workplace_kind(role: str) -> str:
    """The kind of small workplace ``role`` names, for a sector's words for it:
    "practice" (a practice, clinic or pharmacy, where words for wards, trusts
    and hospital teams do not fit), "school", or ""."""
    who = small_workplace(role)
    if who in _PRACTICE:
        return "practice"
    return "school" if who == "your school's leadership" else ""


def small_workplace(role: str) -> str:
    """Who to ask in place of a comms team when ``role`` names a small
    workplace ("your manager or the practice owner"), else ""."""
    text = " ".join(str(role or "").split())
    if not text:
        return ""
    school = re.search(r"\b(school|academy|nursery|preschool|kindergarten)\b", text, re.I)
    if _LARGE.search(text) and not (school and not re.search(r"\b(district|trust)\b", text, re.I)):
        return ""
    for pattern, who in _SMALL:
        if pattern.search(text):
            return who
    return ""


# Words in a role line that say the person manages or supervises others: in
# the US, the National Labor Relations Act leaves supervisors and managers out.
_MANAGES = re.compile(
    r"\b(manager|director|head of|supervisor|lead|leader|chief|vp|vice president|"
    r"superintendent|foreman|forewoman)\b",
    re.IGNORECASE,
)


def manages_others(role: str) -> bool:
    """Whether the role line names a manager, a lead, a director or another
    supervisor ("Payroll manager", "Head of treasury")."""
    return bool(_MANAGES.search(" ".join(str(role or "").split())))


# Words in a role line that name a public employer in the US.
_PUBLIC = re.compile(
    r"\b(public (school|high school|middle school|elementary school|library|university|"
    r"college|hospital|health|defender|sector|agency|schools)|school district|state "
    r"(university|agency|department|college|hospital|government)|county|city of|"
    r"municipal|municipality|federal|government|city (council|government|agency)|"
    r"department of [a-z ]+|veterans affairs|\bva\b|police department|fire department|"
    r"sheriff'?s? office|community college|state of|"
    # Jobs whose US employer is nearly always public: a court's interpreters (or
    # its contractors, whom the NLRA leaves out too) and the FAA's controllers.
    r"court interpreter|air traffic controller)\b",
    re.IGNORECASE,
)


def us_public_employee(role: str, country: str) -> bool:
    """Whether a reader in the US (``country`` "US") works for a public
    employer, from the words of their role line."""
    return country.upper() == "US" and bool(_PUBLIC.search(" ".join(str(role or "").split())))


# Words in a role line that name a council or another local authority as the
# employer (anywhere: "Senior planning officer, district council").
_COUNCIL = re.compile(
    r"\b(council|local (planning )?authority|combined authority|national park authority|"
    r"london borough|borough)\b",
    re.IGNORECASE,
)
# Words that name a private firm ("Employment solicitor, regional law firm"):
# no freedom of information request reaches it. A "practice" is left out, since
# a GP or NHS dental practice answers FOI requests.
_FIRM = re.compile(
    r"\b(law firm|firm|llp|chambers|consultancy|company|ltd|limited|plc|inc)\b",
    re.IGNORECASE,
)


def council_employer(role: str) -> bool:
    """Whether ``role`` names a council or local authority as the employer."""
    return bool(_COUNCIL.search(" ".join(str(role or "").split())))


def private_firm(role: str) -> bool:
    """Whether ``role`` names a private firm (a law firm, a consultancy, a
    company) and no public employer."""
    text = " ".join(str(role or "").split())
    return bool(_FIRM.search(text)) and not council_employer(text) and not _PUBLIC.search(text)


# Words in a role line that name a public body in Great Britain and elsewhere
# (the NHS, the civil service, the police), beside the US words of ``_PUBLIC``
# and a council's of ``_COUNCIL``.
_PUBLIC_BODY = re.compile(
    r"\b(nhs|national health service|health board|civil serv(ant|ice)|ministry|"
    r"government department|police|hmrc|public (body|authority|service)|"
    r"local government|state school)\b",
    re.IGNORECASE,
)
# Words in a role line that say the person treats patients: a clinician's
# reply to criticism of where they work can confirm who is a patient.
_CLINICAL = re.compile(
    r"\b(nurse|nursing|doctor|physician|surgeon|gp|consultant (physician|surgeon|"
    r"radiologist|psychiatrist)|radiographer|sonographer|paramedic|midwife|pharmacist|"
    r"physiotherapist|physio|occupational therapist|speech and language therapist|"
    r"dietitian|dentist|dental (hygienist|nurse|therapist)|optometrist|orthoptist|"
    r"podiatrist|psychologist|psychiatrist|clinician|clinical|healthcare assistant|"
    r"health care assistant|care assistant|anaesthetist|anesthesiologist|"
    r"respiratory therapist|medical laboratory scientist|biomedical scientist)\b",
    re.IGNORECASE,
)


def public_body(role: str) -> bool:
    """Whether ``role`` names a public employer anywhere: a council or local
    authority, the NHS, the civil service, a US county, state or city."""
    text = " ".join(str(role or "").split())
    return council_employer(text) or bool(_PUBLIC.search(text) or _PUBLIC_BODY.search(text))


def clinical_role(role: str) -> bool:
    """Whether ``role`` names clinical work with patients (a nurse, a
    radiographer, a GP)."""
    return bool(_CLINICAL.search(" ".join(str(role or "").split())))
