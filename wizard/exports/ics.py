"""The content calendar as an iCalendar file: one event per post slot.

Each event's UID is a hash of a framework identity, the slot's day and its
theme number, so downloading the calendar again updates the events already
in a calendar app instead of adding copies. Nothing in the file carries the
private link.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from wizard.generators.calendar import Slot
from wizard.generators.plan import Plan

PRODUCT_ID = "-//Byline//Personal content framework//EN"
UID_DOMAIN = "byline.invalid"


def slot_uid(identity: str, slot: Slot) -> str:
    """A stable, globally unique UID for one slot of one framework."""
    digest = hashlib.sha256(f"{identity}|{slot.day.isoformat()}|{slot.theme_number}".encode())
    return f"{digest.hexdigest()[:32]}@{UID_DOMAIN}"


def slot_description(slot: Slot, link: str, link_text: str) -> str:
    """What a calendar app shows inside the event: the idea, ready to write."""
    idea = slot.idea
    lines = [
        f"Theme {slot.theme_number}: {slot.theme} (week {slot.week})",
        f"{idea.format_name} on {idea.channel}, about {idea.time_text}.",
        "",
        "Outline:",
        *(f"{number}. {point}" for number, point in enumerate(idea.outline, start=1)),
        "",
        f"Make it yours: {idea.make_it_yours}",
    ]
    if idea.caution:
        lines += ["", f"Keep out: {idea.caution}"]
    if idea.disclosure:
        lines += ["", f"Disclosure: {idea.disclosure}"]
    lines += ["", f"{link_text} {link}"]
    return "\n".join(lines)


def slot_event(
    slot: Slot, plan: Plan, *, identity: str, link: str, link_text: str, stamp: datetime
) -> Event:
    """One VEVENT: the slot's idea at the person's posting time, in their zone."""
    zone = ZoneInfo(plan.time_zone)
    start = datetime.combine(slot.day, plan.post_time, tzinfo=zone)
    event = Event()
    event.add("uid", slot_uid(identity, slot))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=slot.idea.minutes))
    event.add("summary", slot.idea.hook)
    event.add("description", slot_description(slot, link, link_text))
    event.add("categories", [slot.theme])
    event.add("url", link)
    event.add("transp", "TRANSPARENT")
    return event


def all_day_event(uid: str, first: date, last: date, summary: str, description: str, stamp):
    """An all-day event from ``first`` to ``last`` (inclusive)."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def milestone_uid(identity: str, name: str) -> str:
    """The UID of the setup week or the review point: stable however the dates move."""
    digest = hashlib.sha256(f"{identity}|{name}".encode())
    return f"{digest.hexdigest()[:32]}@{UID_DOMAIN}"


def plan_events(
    plan: Plan, *, identity: str, link: str, link_text: str, stamp: datetime
) -> list[tuple[date, Event]]:
    """Every event of the plan, with its day: the setup week, each post, the review."""
    events: list[tuple[date, Event]] = []
    if plan.setup:
        setup = plan.setup
        lines = [
            "Before your first post:",
            f"- Profile line: {setup.profile_line}",
            f"- About: {setup.about}",
            f"- Disclaimer line: {setup.disclaimer}",
            "- Follow: " + "; ".join(setup.follow),
            f"- Listening: {setup.listening}",
            "",
            f"{link_text} {link}",
        ]
        uid = milestone_uid(identity, "setup")
        events.append(
            (
                setup.start,
                all_day_event(
                    uid, setup.start, setup.end, "Byline: your setup week", "\n".join(lines), stamp
                ),
            )
        )
    for slot in plan.slots:
        event = slot_event(
            slot, plan, identity=identity, link=link, link_text=link_text, stamp=stamp
        )
        if slot.kind_label:
            event["summary"] = f"{slot.kind_label}: {slot.idea.hook}"
        events.append((slot.day, event))
    if plan.review:
        review = plan.review
        lines = [
            "Look back at the period:",
            *(f"- {q}" for q in review.questions),
            "",
            "Then plan the next period from your framework.",
            "",
            f"{link_text} {link}",
        ]
        uid = milestone_uid(identity, "review")
        events.append(
            (
                review.day,
                all_day_event(
                    uid,
                    review.day,
                    review.day,
                    "Byline: review your period",
                    "\n".join(lines),
                    stamp,
                ),
            )
        )
    return events


def new_calendar(plan: Plan) -> Calendar:
    """An empty VCALENDAR with Byline's headers and the plan's name."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Byline: {plan.expertise}" if plan.expertise else "Byline")
    return calendar


def _stamp(changed_at: datetime) -> datetime:
    return (changed_at if changed_at.tzinfo else changed_at.replace(tzinfo=UTC)).astimezone(UTC)


def _finish(calendar: Calendar, plan: Plan) -> bytes:
    calendar.add_missing_timezones(
        first_date=date(plan.start.year - 1, 1, 1), last_date=date(plan.end.year + 1, 12, 31)
    )
    return calendar.to_ical()


def calendar_ics(
    plan: Plan,
    *,
    identity: str,
    link: str,
    link_text: str,
    changed_at: datetime,
) -> bytes:
    """The whole content calendar as an ``.ics`` file.

    ``identity`` is any secret-free string unique to the framework (it is
    hashed into every UID); ``link`` is where the events point people;
    ``changed_at`` (UTC) is the DTSTAMP, so identical plans give identical files.
    """
    stamp = _stamp(changed_at)
    calendar = new_calendar(plan)
    for _day, event in plan_events(
        plan, identity=identity, link=link, link_text=link_text, stamp=stamp
    ):
        calendar.add_component(event)
    return _finish(calendar, plan)


# --- the subscription feed ----------------------------------------------------------


@dataclass(frozen=True)
class Published:
    """An event as the subscription last published it."""

    uid: str
    sequence: int
    digest: str
    day: date
    cancelled: bool
    ical: str


def event_digest(event: Event) -> str:
    """A digest of what an event says (DTSTAMP and SEQUENCE left out)."""
    lines = [
        line
        for line in event.to_ical().decode().splitlines()
        if not line.startswith(("DTSTAMP", "SEQUENCE"))
    ]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def feed_events(
    current: list[tuple[date, Event]], published: dict[str, Published], today: date
) -> list[Published]:
    """What the feed publishes now, given what it published before.

    An unchanged event keeps its SEQUENCE; a changed one gets the next; one
    no longer in the plan is published as cancelled (next SEQUENCE), unless
    its day has passed, when it stays as it was.
    """
    out: list[Published] = []
    seen = set()
    for day, event in current:
        uid = str(event["uid"])
        seen.add(uid)
        digest = event_digest(event)
        before = published.get(uid)
        if before is None:
            sequence = 0
        elif before.digest == digest and not before.cancelled:
            sequence = before.sequence
        else:
            sequence = before.sequence + 1
        event.add("sequence", sequence)
        event.add("status", "CONFIRMED")
        out.append(Published(uid, sequence, digest, day, False, event.to_ical().decode()))
    for uid, before in published.items():
        if uid in seen:
            continue
        if before.cancelled or before.day < today:
            out.append(before)
            continue
        event = Event.from_ical(before.ical)
        event.pop("SEQUENCE", None)
        event.pop("STATUS", None)
        event.add("sequence", before.sequence + 1)
        event.add("status", "CANCELLED")
        out.append(
            Published(
                uid, before.sequence + 1, before.digest, before.day, True, event.to_ical().decode()
            )
        )
    return out


def feed_ics(plan: Plan, events: list[Published]) -> bytes:
    """The subscription feed: the events as `feed_events` decided, in day order."""
    calendar = new_calendar(plan)
    calendar.add("refresh-interval", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    for item in sorted(events, key=lambda e: (e.day, e.uid)):
        calendar.add_component(Event.from_ical(item.ical))
    return _finish(calendar, plan)
