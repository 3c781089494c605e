"""The whole framework as one readable Markdown document.

A person's own words (role, sub-topics, theme titles, and the hooks built
from them) are escaped where Markdown would read them as structure: a ``|``
inside a table cell, a ``#`` or ``-`` at the start of a line, emphasis and
link brackets, raw HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from wizard.generators.ideas import PostIdea
from wizard.generators.plan import Plan
from wizard.generators.text import framework_title
from wizard.programme import rules_as_typed

INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
BLOCK_START = re.compile(r"^(#{1,6}|[-+=>]|\d+(?=[.)]))")


def text(value: object) -> str:
    """Text safe to place anywhere in a Markdown line: one line, specials escaped."""
    one_line = " ".join(str(value).split())
    return INLINE_SPECIAL.sub(r"\\\1", one_line)


def paragraph(value: object) -> str:
    """Text safe to start a line with: it cannot become a heading, list or quote."""
    escaped = text(value)
    match = BLOCK_START.match(escaped)
    if not match:
        return escaped
    marker = match.group(0)
    if marker.isdigit():  # "1. ..." would start a numbered list
        return f"{marker}\\{escaped[len(marker) :]}"
    return f"\\{escaped}"


def long_date(value: date) -> str:
    """ "Monday 2 March 2026": unambiguous in every locale."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def _bullets(items: Iterable[str]) -> list[str]:
    return [f"- {text(item)}" for item in items]


def header_lines(plan: Plan) -> list[str]:
    """The title and who the framework is for."""
    title = text(framework_title(plan.role, plan.expertise, separator=" · "))
    lines = [f"# {title or 'Your content framework'}", ""]
    lines.append(f"Personal content framework for {text(plan.audience)}.")
    if plan.subtopics:
        lines.append(f"Sub-topics: {', '.join(text(topic) for topic in plan.subtopics)}.")
    lines.append(f"Runs from {plan.dates.long(plan.start)} to {plan.dates.long(plan.end)}.")
    details = [
        ("Comfort today", plan.rung_label),
        ("Channels", ", ".join(plan.channels)),
        ("Goals", ", ".join(plan.goals)),
    ]
    lines.append("")
    lines += [f"- **{label}:** {text(value)}" for label, value in details if value]
    if plan.field_note:
        lines += ["", f"**{text(plan.field_note.title)}** {text(plan.field_note.body)}"]
    return lines


def tone_lines(plan: Plan) -> list[str]:
    """The tone profile: the summary, each dimension, the reminders."""
    tone = plan.tone
    lines = ["## Your tone", "", paragraph(tone.summary), ""]
    for line in tone.lines:
        lines.append(
            f"- **{text(line.left.capitalize())} – {text(line.right)}:** {text(line.label)}"
        )
        if line.example:
            lines.append(f"  - This: “{text(line.example)}”")
        if line.counter and line.counter != line.example:
            lines.append(
                f"  - Not this ({text(line.counter_label.lower())}): “{text(line.counter)}”"
            )
    if tone.pairs:
        lines += ["", f"**Remember:** {'; '.join(text(pair) for pair in tone.pairs)}."]
    use = [*tone.use_words]
    if tone.field_terms:
        use.append("your field's exact terms: " + ", ".join(tone.field_terms))
    if tone.explain_terms:
        use.append("spelled out on first use: " + ", ".join(tone.explain_terms))
    if use:
        lines += ["", "**Words that sound like you:** " + text("; ".join(use)) + "."]
    if tone.avoid_words:
        lines += ["", "**Words to leave out:** " + text("; ".join(tone.avoid_words)) + "."]
    if tone.channel_lines:
        lines += [""] + [f"- {text(line)}" for _name, line in tone.channel_lines]
    if tone.advice:
        lines += ["", paragraph(tone.advice)]
    lines += ["", paragraph(tone.crisis)]
    return lines


def outline_lines(plan: Plan) -> list[str]:
    """The content outline as a table of themes with their dates."""
    pace = plan.cadence
    lines = [
        "## Your content outline",
        "",
        f"**{text(pace.tier_name)}:** {text(plan.pace)}",
        "",
        "| # | Theme | From | To | Posts |",
        "| ---: | --- | --- | --- | ---: |",
    ]
    for theme in plan.outline:
        title = text(theme.title)
        if theme.summary:
            title += f" — {text(theme.summary)}"
        if theme.pause:
            title += f" {text(theme.pause)}" if theme.summary else f" — {text(theme.pause)}"
        lines.append(
            f"| {theme.number} | {title} | {plan.dates.long(theme.period.start)} "
            f"| {plan.dates.long(theme.period.end)} | {theme.posts} |"
        )
    if pace.growth:
        lines += ["", f"**When it feels easy:** {text(pace.growth)}"]
    return lines


def calendar_lines(plan: Plan) -> list[str]:
    """The calendar, week by week, each post with its day and idea."""
    lines = [
        "## Your calendar",
        "",
        f"{len(plan.slots)} posts over {len(plan.calendar)} weeks, at "
        f"{plan.dates.clock(plan.post_time)} ({text(plan.time_zone.replace('_', ' '))}).",
        *(["", paragraph(plan.time_note)] if plan.time_note else []),
        "",
        paragraph(plan.days_off_line),
    ]
    for week in plan.calendar:
        lines += [
            "",
            f"### Week {week.number}: {plan.dates.long(week.start)} to {plan.dates.long(week.end)}",
            "",
        ]
        lines += [f"- *{plan.dates.short(d)}: {text(reason)}, no post*" for d, reason in week.free]
        if not week.slots:
            lines.append(text(week.off_line))
        for slot in week.slots:
            kind = f"{slot.kind_label}: " if slot.kind_label else ""
            lines.append(
                f"- **{plan.dates.short(slot.day)}:** {kind}"
                f"{text(slot.idea.hook)} ({text(slot.idea.format_name)}, theme {slot.theme_number})"
            )
        if week.comments:
            lines += ["", text(week.comments)]
    return lines


def setup_lines(plan: Plan) -> list[str]:
    """The setup week before the first post."""
    setup = plan.setup
    if setup is None:
        return []
    lines = [
        "## Your setup week",
        "",
        f"{plan.dates.long(setup.start)} to {plan.dates.long(setup.end)}, before your first post.",
        "",
        text(setup.rewrite),
        "",
        f"- **Profile line:** {text(setup.profile_line)}",
        f"- **About:** {text(setup.about)}",
        f"- **Disclaimer line:** {text(setup.disclaimer)}",
        "",
        "**Follow**",
        "",
        *_bullets(setup.follow),
    ]
    if setup.moments:
        lines += ["", f"Moments in your field's year: {text(', '.join(setup.moments))}."]
    if setup.tags:
        lines += ["", f"Tags to follow and use: {text(' '.join(setup.tags))}"]
    lines += ["", "**Notifications worth changing**", "", *_bullets(setup.notifications)]
    lines += ["", f"**A listening habit:** {text(setup.listening)}"]
    return lines


def review_lines(plan: Plan) -> list[str]:
    """The review point at the end of the outline."""
    review = plan.review
    if review is None:
        return []
    return [
        "## Your review",
        "",
        f"On {plan.dates.long(review.day)}, look back at the period:",
        "",
        *_bullets(review.questions),
        "",
        "Then plan the next period from your framework page: your answers carry forward,"
        " your marks on ideas stay, and ideas you used are left out.",
    ]


def idea_lines(idea: PostIdea) -> list[str]:
    """One post idea: the hook, how to build it, and what makes it yours."""
    lines = [
        f"#### {text(idea.hook)}",
        "",
        f"*{text(idea.format_name)} · {text(idea.channel)} · about {idea.time_text}*",
        "",
    ]
    lines += [f"{number}. {text(point)}" for number, point in enumerate(idea.outline, start=1)]
    if idea.channel_tip:
        lines += ["", text(idea.channel_tip)]
    lines += ["", f"**Make it yours:** {text(idea.make_it_yours)}"]
    if idea.caution:
        lines += ["", f"**Keep out:** {text(idea.caution)}"]
    if idea.disclosure:
        lines += ["", f"**Disclosure:** {text(idea.disclosure)}"]
    return lines


def ideas_lines(plan: Plan) -> list[str]:
    """Every post idea, theme by theme."""
    lines = ["## Post ideas"]
    for theme in plan.outline:
        lines += ["", f"### {theme.number}. {text(theme.title)}"]
        if theme.summary:
            lines += ["", paragraph(theme.summary)]
        for idea in theme.ideas:
            lines += ["", *idea_lines(idea)]
    return lines


def playbook_lines(plan: Plan) -> list[str]:
    """Each situation with the chosen approach, what to do and what to avoid."""
    lines = ["## Your situation playbook", "", "What you do when things get tricky."]
    for entry in plan.playbook:
        lines += [
            "",
            f"### {text(entry.title)}",
            *(["", f"*{text(entry.sector)}*"] if entry.sector else []),
            "",
            f"**Your approach:** {text(entry.approach)}. {text(entry.detail)}",
        ]
        if not entry.recommended:
            lines += ["", f"Most guidelines recommend: {text(entry.recommended_label)}."]
        lines += ["", "**Do**", "", *_bullets(entry.do), "", "**Avoid**", "", *_bullets(entry.dont)]
    return lines


def rules_lines(plan: Plan) -> list[str]:
    """The programme's rules, disclosure and contacts, first, when there is a programme."""
    terms = plan.programme
    if terms is None:
        return []
    lines = [f"## {text(terms.company)}'s rules", ""]
    if terms.rules.strip():
        # The rules are Markdown already; their headings are kept below this one.
        rules = re.sub(r"(?m)^(#{1,4})(?=\s)", r"###\1", rules_as_typed(terms.rules))
        # No raw HTML and no links but web and mail ones, as on the pages.
        rules = rules.replace("<", "&lt;").replace(">", "&gt;")
        rules = re.sub(r"\]\((?!https?:|mailto:)[^)]*\)", "]", rules)
        lines += [rules, ""]
    details = [
        ("When a post touches the company or its products", terms.disclosure),
        ("Media requests", terms.media_contact),
        ("In a crisis", terms.crisis_contact),
    ]
    lines += [f"- **{label}:** {text(value)}" for label, value in details if value]
    return lines


def framework_markdown(plan: Plan) -> str:
    """The framework as a Markdown document: rules, tone, outline, calendar, ideas, playbook."""
    sections = [
        header_lines(plan),
        rules_lines(plan),
        tone_lines(plan),
        setup_lines(plan),
        outline_lines(plan),
        calendar_lines(plan),
        review_lines(plan),
        ideas_lines(plan),
        playbook_lines(plan),
    ]
    return "\n\n".join("\n".join(section) for section in sections if section) + "\n"
