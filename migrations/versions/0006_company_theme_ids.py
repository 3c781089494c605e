"""Company themes get stable ids

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 02:40:00.000000

A programme's company themes were a list of titles, and a person's choice of
one was stored by its position (``company:0``), in their answers and in the
dashboard's facts. When the comms team reordered its themes, the dashboard
credited the wrong one. Each theme becomes ``{"id", "title"}`` with an id of
8 hex digits that stays when the themes are reordered or reworded, and the
answers of the themes step, the "more ideas" counts kept by theme key and
the dashboard facts are rewritten from
``company:{position}`` to ``company:{id}``. The fact totals follow through
the update triggers of revision 0003. A position no longer listed stays as
it was (the dashboard calls it "a company theme no longer listed").

Only data changes: no table is rebuilt, so the triggers stay in place.
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

programmes = sa.table(
    "programmes", sa.column("id", sa.Integer), sa.column("company_themes", sa.JSON)
)
frameworks = sa.table(
    "frameworks",
    sa.column("id", sa.Integer),
    sa.column("programme_id", sa.Integer),
    sa.column("more_ideas", sa.JSON),
)
step_answers = sa.table(
    "step_answers",
    sa.column("id", sa.Integer),
    sa.column("framework_id", sa.Integer),
    sa.column("step", sa.String),
    sa.column("data", sa.JSON),
)
framework_facts = sa.table(
    "framework_facts",
    sa.column("programme_id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("value", sa.String),
)


def with_ids(themes: list) -> list[dict[str, str]]:
    """Titles (or entries that already have ids) as ``{"id", "title"}`` entries."""
    entries, taken = [], set()
    for theme in themes or ():
        title = theme.get("title", "") if isinstance(theme, dict) else str(theme)
        theme_id = theme.get("id", "") if isinstance(theme, dict) else ""
        while not theme_id or theme_id in taken:
            theme_id = secrets.token_hex(4)
        taken.add(theme_id)
        entries.append({"id": theme_id, "title": title})
    return entries


def rewrite(connection, programme_id: int, keys: dict[str, str]) -> None:
    """Replace theme keys in a programme's answers (themes step), its
    frameworks' "more ideas" counts (kept by theme key) and its facts."""
    if not keys:
        return
    for framework_id, more in connection.execute(
        sa.select(frameworks.c.id, frameworks.c.more_ideas).where(
            frameworks.c.programme_id == programme_id
        )
    ).all():
        if isinstance(more, dict) and keys.keys() & more.keys():
            renamed = {keys.get(theme, theme): count for theme, count in more.items()}
            connection.execute(
                frameworks.update()
                .where(frameworks.c.id == framework_id)
                .values(more_ideas=renamed)
            )
    answers = connection.execute(
        sa.select(step_answers.c.id, step_answers.c.data)
        .join(frameworks, frameworks.c.id == step_answers.c.framework_id)
        .where(frameworks.c.programme_id == programme_id, step_answers.c.step == "themes")
    ).all()
    for answer_id, data in answers:
        rows = (data or {}).get("themes") if isinstance(data, dict) else None
        if not isinstance(rows, list):
            continue
        changed = False
        for row in rows:
            if isinstance(row, dict) and row.get("key") in keys:
                row["key"] = keys[row["key"]]
                changed = True
        if changed:
            connection.execute(
                step_answers.update().where(step_answers.c.id == answer_id).values(data=data)
            )
    for old, new in keys.items():
        connection.execute(
            framework_facts.update()
            .where(
                framework_facts.c.programme_id == programme_id,
                framework_facts.c.kind == "theme",
                framework_facts.c.value == old,
            )
            .values(value=new)
        )


def upgrade() -> None:
    """Give every company theme an id; point answers and facts at it."""
    connection = op.get_bind()
    for programme_id, themes in connection.execute(
        sa.select(programmes.c.id, programmes.c.company_themes)
    ).all():
        if not themes or all(isinstance(theme, dict) for theme in themes):
            continue
        entries = with_ids(themes)
        connection.execute(
            programmes.update()
            .where(programmes.c.id == programme_id)
            .values(company_themes=entries)
        )
        keys = {f"company:{n}": f"company:{entry['id']}" for n, entry in enumerate(entries)}
        rewrite(connection, programme_id, keys)


def downgrade() -> None:
    """Back to titles, and to company themes chosen by position."""
    connection = op.get_bind()
    for programme_id, themes in connection.execute(
        sa.select(programmes.c.id, programmes.c.company_themes)
    ).all():
        if not themes or not all(isinstance(theme, dict) for theme in themes):
            continue
        connection.execute(
            programmes.update()
            .where(programmes.c.id == programme_id)
            .values(company_themes=[theme.get("title", "") for theme in themes])
        )
        keys = {f"company:{theme.get('id')}": f"company:{n}" for n, theme in enumerate(themes)}
        rewrite(connection, programme_id, keys)
