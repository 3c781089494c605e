"""How much time the plan asks of a person, week by week.

The person gives a weekly time budget (comfort.toml). Everything the plan
asks in a week is costed from the same numbers and has to fit in it:

- reading what the people they follow post (the listening habit of the
  setup week), a few minutes on two or three days;
- each comment on someone else's post (the thoughtful-comment format);
- each post, by its format and where it goes: a post on a blog or in a
  newsletter is 800 to 1,500 words and takes a few hours whatever its
  format;
- a longer piece, prepared over the week it goes out and the week before;
- a talk, of which the plan schedules the abstract and the pitch: the talk
  itself is prepared once an event takes it, over the weeks before it.

A week that keeps most of its working days keeps the whole budget; one with
fewer (a quiet period) has their share, and a week with none asks for
nothing. Comments are always the working days' share of the week's number.
"""

from __future__ import annotations

from dataclasses import dataclass

COMMENT_MINUTES = 10  # a thoughtful comment (formats.toml: thoughtful-comment)
WRITTEN_CHANNEL_MINUTES = 150  # a blog post or newsletter issue of 800-1,500 words
WRITTEN_CHANNELS = frozenset({"blog", "newsletter"})
ABSTRACT_MINUTES = 45  # a talk's title and three-sentence abstract, sent to one event
TALK_HOURS = 16  # the talk itself, once an event takes it
LONG_PIECE_MINUTES = 240  # a longer piece (formats.toml: long-form-article)
LONG_PIECE_WEEKS = 2  # a longer piece: the week it goes out and the week before
# On X or Mastodon a long argument is a thread, one post per point: under an hour.
THREAD_CHANNELS = frozenset({"x", "mastodon"})
THREAD_MINUTES = 45
WORKING_DAYS = 5
MOST_OF_A_WEEK = 3  # working days that keep a week's whole time budget

# (least weekly budget in minutes, minutes a day, days a week) for reading what
# the people you follow post. Under an hour the reading is the comment's own.
LISTENING: tuple[tuple[int, int, int], ...] = ((240, 10, 3), (120, 5, 3), (60, 5, 2), (0, 0, 0))

# Minutes a typical post takes at each comfort rung: the weekly numbers leave
# room for this many minutes per post (the calendar then picks posts that fit).
POST_MINUTES = {1: 20, 2: 20, 3: 45, 4: 45, 5: 45}


def listening(budget_minutes: int) -> tuple[int, int]:
    """Minutes a day and days a week of reading, for a weekly budget."""
    return next((daily, days) for floor, daily, days in LISTENING if budget_minutes >= floor)


def listening_minutes(budget_minutes: int) -> int:
    """Minutes a week of reading, for a weekly budget."""
    daily, days = listening(budget_minutes)
    return daily * days


def idea_minutes(format_slug: str, format_minutes: int, channel: str) -> int:
    """What making one idea takes: its format's time, more on a blog or newsletter;
    a talk's is its abstract (the talk itself waits for an event)."""
    if format_slug == "talk":
        return ABSTRACT_MINUTES
    if channel in WRITTEN_CHANNELS:
        return max(format_minutes, WRITTEN_CHANNEL_MINUTES)
    if channel in THREAD_CHANNELS:
        return min(format_minutes, THREAD_MINUTES)
    return format_minutes


def spoken_time(minutes: int) -> str:
    """How long an idea takes, as a person reads it: "20 minutes", "1½ hours"; a piece
    longer than a week's writing is spread over the weeks it is prepared in
    ("4 hours, over two weeks")."""
    hours, rest = divmod(max(0, minutes), 60)
    if minutes < 60:
        said = f"{minutes} minutes"
    else:
        half = "½" if 15 <= rest < 45 else ""
        hours += 1 if rest >= 45 else 0
        said = f"{hours}{half} {'hour' if hours == 1 and not half else 'hours'}"
    return f"{said}, over two weeks" if minutes >= LONG_PIECE_MINUTES else said


@dataclass(frozen=True)
class WeeklyFit:
    """The weekly numbers that fit a budget.

    ``comments_per_week`` is the most comments a week (the tier's, unless the
    budget has no room); ``comments_floor`` the comments every full week keeps
    room for; posts get the rest, ``post_minutes``.
    """

    budget: int
    posts_per_week: int
    comments_per_week: int
    comments_floor: int
    listening: int

    @property
    def post_minutes(self) -> int:
        """Minutes a full week leaves for posts, after reading and the comments' floor."""
        return self.budget - self.listening - self.comments_floor * COMMENT_MINUTES


def weekly_fit(rung: int, posts: int, comments: int, budget_minutes: int) -> WeeklyFit:
    """The most posts a week (up to ``posts``) that leave each its typical time; of the
    ``comments``, as many as the rest of the budget holds at most, and half of that
    kept whatever the week's posts, never fewer than one: the outline promises
    comments every week, so no week's posts may take all of its time."""
    reading = listening_minutes(budget_minutes)
    per_post = POST_MINUTES.get(rung, 45)
    count = max(1, posts)
    while count > 1 and reading + count * per_post > budget_minutes:
        count -= 1
    spare = max(0, (budget_minutes - reading - count * per_post) // COMMENT_MINUTES)
    floor = min(comments, max(1, spare // 2))
    lightest = min(POST_MINUTES.values())
    most = max(floor, min(comments, (budget_minutes - reading - lightest) // COMMENT_MINUTES))
    return WeeklyFit(budget_minutes, count, most, floor, reading)


def share(amount: int, working_days: int) -> int:
    """A weekly amount for a week with ``working_days`` working days."""
    days = max(0, min(WORKING_DAYS, working_days))
    return amount * days // WORKING_DAYS


def time_share(minutes: int, working_days: int) -> int:
    """A week's time: all of it with most working days left (three of five), else
    their share; none in a week without one."""
    return minutes if working_days >= MOST_OF_A_WEEK else share(minutes, working_days)


def duration(minutes: int) -> str:
    """ "45 minutes", "1 hour 40 minutes", "2 hours"."""
    hours, rest = divmod(max(0, minutes), 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour{'s' if hours > 1 else ''}")
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)
