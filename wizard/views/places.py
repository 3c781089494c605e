"""Where people live, as small JSON files for the themes step's script.

The themes step carries only the chosen country's states or regions and time
zones; when the person picks another country, ``static/places.js`` fetches
that country's lists from here (and, on a first visit, the country of the
browser's time zone). Nothing here is private or changes between releases of
the time zone and holiday data, so every answer may be kept by browsers and
proxies: for a year when the address names the current data version
(`places_version`), else for a day.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata

import holidays
from flask import Blueprint, abort, jsonify, request, url_for

from wizard.generators.place import country_names, known_zones, place_lists, zone_countries

bp = Blueprint("places", __name__, url_prefix="/places")

FORMAT = "1"  # change when the JSON's shape changes, so kept copies are not used
LONG = "public, max-age=31536000, immutable"
SHORT = "public, max-age=86400"


_ADDRESSES: dict[str, tuple[str, str]] = {}


@bp.app_template_global()
def places_addresses() -> tuple[str, str]:
    """The addresses of a country's lists (with ``CC`` for its code) and of the
    time zones' countries, at this version: worked out once per mount point."""
    root = request.script_root
    found = _ADDRESSES.get(root)
    if found is None:
        version = places_version()
        found = _ADDRESSES[root] = (
            url_for("places.country", code="CC", v=version),
            url_for("places.zones", v=version),
        )
    return found


@functools.cache
def places_version() -> str:
    """A short digest of what the lists come from: this format and the
    versions of the holiday and time zone data."""
    try:
        tzdata = metadata.version("tzdata")
    except metadata.PackageNotFoundError:
        tzdata = "system"
    text = f"{FORMAT}|{holidays.__version__}|{tzdata}"
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def _kept(payload: dict):
    """A JSON response that may be kept: long when asked for by this version."""
    response = jsonify(payload)
    current = request.args.get("v") == places_version()
    response.headers["Cache-Control"] = LONG if current else SHORT
    return response


@bp.get("/<code>.json")
def country(code: str):
    """A country's states or regions (value, name), time zones (value, label)
    and the zone a person there most likely keeps; 404 for an unknown code."""
    if code not in country_names():
        abort(404)
    return _kept(place_lists(code))


@functools.cache
def _zone_map() -> dict[str, str]:
    """Every time zone the lists offer, with its country's code."""
    known = known_zones()
    return {zone: code for zone, code in sorted(zone_countries().items()) if zone in known}


@bp.get("/zones.json")
def zones():
    """Time zone name -> country code: how a first visit turns the browser's
    time zone into a guess at the person's country."""
    return _kept(_zone_map())
