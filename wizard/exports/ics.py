"""The content calendar as an iCalendar file: one event per post slot.

Each event's UID is a hash of a framework identity, the slot's day and its
theme number, so downloading the calendar again updates the events already
in a calendar app instead of adding copies. Nothing in the file carries the
private link.
"""

from __future__ import annotations

import hashlib
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
        f"{idea.format_name} on {idea.channel}, about {idea.minutes} minutes.",
        "",
        "Outline:",
        *(f"{number}. {point}" for number, point in enumerate(idea.outline, start=1)),
        "",
        f"Make it yours: {idea.make_it_yours}",
    ]
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
    stamp = (changed_at if changed_at.tzinfo else changed_at.replace(tzinfo=UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Byline: {plan.expertise}" if plan.expertise else "Byline")
    for slot in plan.slots:
        calendar.add_component(
            slot_event(slot, plan, identity=identity, link=link, link_text=link_text, stamp=stamp)
        )
    calendar.add_missing_timezones(
        first_date=date(plan.start.year, 1, 1), last_date=date(plan.end.year + 1, 12, 31)
    )
    return calendar.to_ical()
