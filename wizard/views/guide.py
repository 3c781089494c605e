"""Guide articles: Markdown files in the repository, rendered and sanitised."""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from wizard.guide_articles import guide_articles

bp = Blueprint("guide", __name__, url_prefix="/guide")


@bp.get("/")
def index():
    """Every article with its summary, in reading order."""
    return render_template("guide/index.html", articles=guide_articles())


@bp.get("/<slug>")
def article(slug: str):
    """One article, with the previous and next ones; unknown slugs are a 404."""
    articles = guide_articles()
    position = next((i for i, a in enumerate(articles) if a.slug == slug), None)
    if position is None:
        abort(404)
    return render_template(
        "guide/article.html",
        article=articles[position],
        previous=articles[position - 1] if position > 0 else None,
        following=articles[position + 1] if position + 1 < len(articles) else None,
    )
