"""What a draft says: disclosure, the programme's rules, and anything that
looks confidential. Sentences about the writer's own pay or working
conditions are never flagged here (secrets by shape aside)."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from wizard.drafts.context import DraftContext, cached_names_pattern
from wizard.drafts.findings import FIX, LOOK, Finding, Source, excerpt, inside, mask
from wizard.programme import protects_pay_talk

DISCLOSURE_GUIDE = Source(
    "guide",
    "disclosure-and-confidentiality#disclose-when-your-employer-comes-up",
    "Guide: Disclose when your employer comes up",
)
CONFIDENTIAL_GUIDE = Source(
    "guide",
    "disclosure-and-confidentiality#what-counts-as-confidential",
    "Guide: What counts as confidential",
)
CONFIDENTIAL_SITUATION = Source(
    "situation", "confidential-information", "Your playbook: Confidential information"
)
CLIENTS_SITUATION = Source(
    "situation", "naming-clients", "Your playbook: Naming clients, partners and people"
)
RULES = Source("rules", "", "Your programme's rules")

LINKEDIN_FOLD = 210  # characters LinkedIn shows before "see more"
X_LIMIT = 280


def _first_visible(channel: str) -> int | None:
    return {"linkedin": LINKEDIN_FOLD, "x": X_LIMIT}.get(channel)


def disclosure_position(draft: str, context: DraftContext) -> tuple[int, int] | None:
    """Where the draft says the writer works for the company, if it does."""
    candidates = []
    line = context.disclosure.strip().rstrip(".!").strip()
    if line:
        found = re.search(r"\s+".join(map(re.escape, line.split())), draft, re.IGNORECASE)
        if found:
            candidates.append(found.span())
    company = context.company.strip()
    if company:
        name = r"\s+".join(map(re.escape, company.split()))
        generic = re.compile(
            rf"\b(I|I'm|we)\s+(work|am|are)\s+(at|for|with)\s+{name}\b|"
            rf"\bI'm\s+at\s+{name}\b|\b{name}\s+employee\b|#{re.escape(company.replace(' ', ''))}"
            r"(Employee|Team|Life)\b|\bemployee of\s+" + name + r"\b|\bmy employer\b",
            re.IGNORECASE,
        )
        found = generic.search(draft)
        if found:
            candidates.append(found.span())
    return min(candidates) if candidates else None


def check_disclosure(
    draft: str, context: DraftContext, protected: list[tuple[int, int]]
) -> Iterator[Finding]:
    """Employer, product or competitor named: the disclosure is there and seen."""
    if context.channel == "internal":
        return
    mention = None
    for pattern in (context.employer_names, context.competitor_names):
        for match in pattern.finditer(draft) if pattern else ():
            if not inside(match.start(), protected):
                mention = mention or match
    if mention is None:
        return
    named = excerpt(draft, *mention.span())
    where = disclosure_position(draft, context)
    line = context.disclosure or f"I work at {context.company}."
    if where is None:
        yield Finding(
            "disclosure-missing",
            FIX,
            "Say that you work there",
            f"The post names {named}. Readers (and in many countries the law on "
            "advertising) expect you to say when you write about your employer, its "
            "products or its competitors.",
            f"Add your programme's disclosure near the start: “{line}”",
            DISCLOSURE_GUIDE,
            named,
        )
        return
    limit = _first_visible(context.channel)
    if limit is not None and where[1] > limit:
        seen = (
            "before LinkedIn's “see more” (the first 210 characters)"
            if context.channel == "linkedin"
            else "inside the post itself (X shows 280 characters)"
        )
        yield Finding(
            "disclosure-late",
            FIX,
            "Move the disclosure up",
            f"Your disclosure is there, but not {seen}, so most readers will not see it.",
            f"Put “{excerpt(draft, *where)}” in the first sentence or two.",
            DISCLOSURE_GUIDE,
            excerpt(draft, *where),
        )


def _key(phrase: str) -> str:
    return " ".join(phrase.split()).lower()


def check_rules(
    draft: str, context: DraftContext, protected: list[tuple[int, int]]
) -> Iterator[Finding]:
    """Phrases the programme lists as off-limits, matched as whole phrases
    (one pattern for all of them), each reported once."""
    # A rule may never stop people talking about pay or working conditions.
    items = {_key(i.phrase): i for i in context.off_limits if not protects_pay_talk(i.phrase)}
    pattern = cached_names_pattern(tuple(i.phrase for i in items.values()))
    reported: set[str] = set()
    for match in pattern.finditer(draft) if pattern else ():
        item = items.get(_key(match.group(0)))
        if item is None or item.phrase in reported or inside(match.start(), protected):
            continue
        reported.add(item.phrase)
        reason = f" Why: {item.reason.rstrip('.')}." if item.reason else ""
        yield Finding(
            "rule-off-limits",
            FIX,
            f"“{item.phrase}” is off-limits",
            f"Your programme's rules ask people not to use “{item.phrase}” in posts.{reason}",
            "Leave it out, or say it in general words.",
            RULES,
            excerpt(draft, *match.span()),
        )


# (code, severity, title, pattern, why, suggestion)
_CONFIDENTIAL_WORDS: tuple[tuple[str, str, str, re.Pattern[str], str, str], ...] = (
    (
        "confidential-marking",
        FIX,
        "This is marked as not for sharing",
        re.compile(
            r"\b(internal[- ]only|internal use only|confidential|under (an )?NDA|NDA|"
            r"not for (external )?distribution|do not (share|forward)|don't share|"
            r"proprietary|trade secret|under embargo|embargoed)\b",
            re.IGNORECASE,
        ),
        "Words like these mean the information was given to you in confidence.",
        "Leave it out. Share it once it has been made public, with a link.",
    ),
    (
        "confidential-figures",
        LOOK,
        "Numbers that may not be public yet",
        re.compile(
            r"\b(Q[1-4]|H[12]|FY\s?'?\d{2,4}|"
            r"(first|second|third|fourth|next|this|last) quarter'?s?)"
            r"(\s+\w+){0,3}?\s+(revenue|earnings|sales|numbers|results|targets?|forecast|"
            r"bookings|pipeline|margins?|profit|guidance|growth|ARR|MRR)\b|"
            r"\b(revenue|ARR|MRR|bookings|churn|margin)\s+(is|was|hit|reached|grew|of|at|up)\s",
            re.IGNORECASE,
        ),
        "Revenue, results and targets that have not been published can be inside information.",
        "Check that the figure has been published (annual report, press release) and link it; "
        "otherwise leave it out.",
    ),
    (
        "confidential-dates",
        LOOK,
        "A launch or date that may not be announced",
        re.compile(
            r"\b(launch(es|ing)? (on|in|next)|launch date|release date|(ships?|shipping|going live|"
            r"goes live|GA) (on|in|next)|will (be )?announc\w*|(not yet|un)announced|"
            r"before (it's|it is) announced|coming (next|in) (week|month|quarter|Q[1-4])|"
            r"due to launch|set to launch)\b",
            re.IGNORECASE,
        ),
        "Dates and launches are often under embargo until the company announces them.",
        "Wait for the official announcement and share that, or leave the date out.",
    ),
    (
        "confidential-roadmap",
        LOOK,
        "Sounds like plans that are not public",
        re.compile(
            r"\b(roadmap|code ?name(d)?|secret project|stealth|sneak peek|not yet public|"
            r"upcoming (release|feature|product)|next version will|we are (quietly )?building|"
            r"behind the scenes of our next)\b",
            re.IGNORECASE,
        ),
        "Roadmaps, code names and unreleased features are usually confidential until launch.",
        "Write about the problem or the craft instead, or wait for the announcement.",
    ),
)

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
_ROLE_ADDRESS = re.compile(
    r"^(info|hello|hi|contact|press|media|support|help|careers|jobs|security|privacy|"
    r"team|sales|admin|office|enquiries|inquiries|feedback|events|news)@",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?<![\w/.-])(\+\d{1,3}[\s.-]?)?(\(\d{1,5}\)[\s.-]?)?\d{2,5}([\s.-]\d{2,5}){1,4}(?![\w/-]|\.\d)"
)
_IPV4 = re.compile(r"(?<![\w.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?![\w.]|\.\d)")
_INTERNAL_HOST = re.compile(
    r"(?<![\w.-])((?:[a-z0-9-]+\.)+(?:internal|local|corp|lan|intra|intranet|private|"
    r"home\.arpa)|(?:[a-z0-9-]+\.)*(?:prod|production|staging|stg|dev|qa|uat|preprod|"
    r"int|corp|vpn|jenkins|k8s|db\d*|build\d*|ci)\.(?:[a-z0-9-]+\.)+[a-z]{2,})(?![\w-])",
    re.IGNORECASE,
)
_VERSION_BEFORE = re.compile(r"\b(version|release|v|build)\s*$", re.IGNORECASE)
_TICKET = re.compile(r"\b([A-Z][A-Z0-9]{1,9})-(\d{2,6})\b")
_NOT_TICKETS = {
    "COVID",
    "CVE",
    "CWE",
    "GHSA",
    "ISO",
    "IEC",
    "RFC",
    "UTF",
    "SHA",
    "MD",
    "HTTP",
    "TLS",
    "SSL",
    "IPV",
    "MP",
    "GPT",
    "PEP",
    "JSR",
    "ECMA",
    "ES",
    "EN",
    "BS",
    "DIN",
    "NIST",
    "SP",
    "FIPS",
    "PCI",
    "SOC",
    "WCAG",
    "ARM",
    "X",
    "F",
    "B",
    "A",
    "H",
    "G",
    "B2B",
    "B2C",
    "AES",
    "RSA",
    "ECDSA",
    "GDPR",
    "HIPAA",
    "CO",
    "NO",
    "IPO",
    "ICH",
    "GMP",
    "GLP",
    "GCP",
    "BRCA",
    "HER",
    "IL",
    "CD",
    "SARS",
    "MERS",
    "HIV",
    "HPV",
    "RT",
    "PDF",
    "OAUTH",
    "WPA",
    "XSS",
}

# (name, pattern): secrets by their shape; checked everywhere.
_SECRETS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("an AWS access key", re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("a GitHub token", re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_\w{22,})\b")),
    (
        "a private key",
        re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----"),
    ),
    ("a JSON Web Token", re.compile(r"\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}")),
    ("a Slack token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
    ("a Slack webhook", re.compile(r"hooks\.slack\.com/services/T\w+/B\w+/\w+")),
    ("a Google API key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b")),
    ("a Stripe secret key", re.compile(r"\b[sr]k_live_[0-9A-Za-z]{20,}\b")),
    (
        "a password",
        re.compile(r"\b(password|passwd|pwd|api[_ ]?key|secret)\s*[:=]\s*\S{6,}", re.IGNORECASE),
    ),
)


def check_secrets(draft: str) -> Iterator[Finding]:
    """Keys, tokens and passwords, recognised by their shape."""
    for name, pattern in _SECRETS:
        match = pattern.search(draft)
        if match:
            yield Finding(
                "secret",
                FIX,
                f"This looks like {name}",
                "Anything that looks like a credential gets copied by bots within minutes of "
                "being posted, even if you delete it.",
                "Remove it. If it is real, treat it as leaked: tell your security team and "
                "have it revoked.",
                CONFIDENTIAL_GUIDE,
                mask(match.group(0)),
            )


def _is_phone(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if not 9 <= len(digits) <= 15:
        return False
    if re.fullmatch(r"(19|20)\d\d[-./](0?[1-9]|1[0-2])[-./]\d{1,2}", text.strip()):
        return False  # a date
    return not re.fullmatch(r"\d{4}\s*-\s*\d{4}", text.strip())  # a span of years


def _is_reportable_ip(text: str) -> bool:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    documentation = any(
        address in ipaddress.ip_network(net)
        for net in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")
    )
    return not (documentation or address.is_loopback or address.is_unspecified)


def check_confidential(
    draft: str, context: DraftContext, protected: list[tuple[int, int]]
) -> Iterator[Finding]:
    """Words, names and shapes that suggest information that is not public."""
    for code, severity, title, pattern, why, suggestion in _CONFIDENTIAL_WORDS:
        for match in pattern.finditer(draft):
            if not inside(match.start(), protected):
                source = CONFIDENTIAL_SITUATION if severity == FIX else CONFIDENTIAL_GUIDE
                yield Finding(
                    code, severity, title, why, suggestion, source, excerpt(draft, *match.span())
                )
                break
    customers = context.customer_names
    for match in customers.finditer(draft) if customers else ():
        if not inside(match.start(), protected):
            yield Finding(
                "customer-name",
                FIX,
                "A customer is named",
                f"Your programme lists {excerpt(draft, *match.span())} as a customer. Naming a "
                "customer needs their agreement.",
                "Leave the name out (“a large retailer”), or link the customer's own "
                "announcement or a published case study.",
                CLIENTS_SITUATION,
                excerpt(draft, *match.span()),
            )
            break
    yield from _people_and_systems(draft, context, protected)


def _people_and_systems(
    draft: str, context: DraftContext, protected: list[tuple[int, int]]
) -> Iterator[Finding]:
    known = {a.lower() for a in context.known_addresses}
    emails = [
        m
        for m in _EMAIL.finditer(draft)
        if m.group(0).lower() not in known and not _ROLE_ADDRESS.match(m.group(0))
    ]
    if emails:
        yield Finding(
            "personal-contact",
            LOOK,
            "Someone's email address",
            "An address in a public post gets collected by spammers, and if it is someone "
            "else's, it is their personal data.",
            "Leave it out, or use a team address meant for the public.",
            CONFIDENTIAL_GUIDE,
            excerpt(draft, *emails[0].span()),
        )
    email_spans = [m.span() for m in emails]
    phones = [
        m
        for m in _PHONE.finditer(draft)
        if _is_phone(m.group(0))
        and not inside(m.start(), email_spans)
        and not inside(m.start(), protected)
    ]
    if phones:
        yield Finding(
            "personal-contact",
            LOOK,
            "A phone number",
            "If this is someone else's number, it is their personal data; if it is yours, "
            "expect calls from strangers.",
            "Leave it out, or point to a public contact page.",
            CONFIDENTIAL_GUIDE,
            excerpt(draft, *phones[0].span()),
        )
    ips = [
        m
        for m in _IPV4.finditer(draft)
        if _is_reportable_ip(m.group(1)) and not _VERSION_BEFORE.search(draft, 0, m.start())
    ]
    hosts = list(_INTERNAL_HOST.finditer(draft))
    if ips or hosts:
        first = (ips or hosts)[0]
        yield Finding(
            "internal-system",
            FIX,
            "Details of internal systems",
            "IP addresses and internal host names tell attackers where to look.",
            "Replace them with placeholders such as 10.0.0.x or db.example.com.",
            CONFIDENTIAL_GUIDE,
            excerpt(draft, *first.span()),
        )
    tickets = [
        m
        for m in _TICKET.finditer(draft)
        if m.group(1) not in _NOT_TICKETS
        and not inside(m.start(), protected)
        and not re.fullmatch(r"(19|20)\d\d", m.group(2))
    ]
    if tickets:
        yield Finding(
            "ticket-number",
            LOOK,
            "An internal ticket number",
            "Ticket numbers mean nothing to readers and hint at internal work and tools.",
            "Describe the problem in words instead of the ticket.",
            CONFIDENTIAL_GUIDE,
            excerpt(draft, *tickets[0].span()),
        )
