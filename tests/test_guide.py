"""The guide and the one Markdown pipeline.

Guide articles must render as real pages with working links; the pipeline
must keep Markdown's structure and drop anything that could run, restyle or
leak, whatever a person or a comms team types into it.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from flask import Flask, render_template_string
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from wizard import markdown as pipeline
from wizard.guide_articles import guide_articles, parse_article
from wizard.markdown import render_markdown, render_markdown_with_headings

ARTICLE_SLUGS = [
    "why-share-your-expertise",
    "describing-your-work",
    "finding-your-tone",
    "building-a-content-outline",
    "handling-tricky-situations",
    "disclosure-and-confidentiality",
    "visible-without-showing-off",
    "running-a-programme",
]
SAFE_SCHEMES = {"http", "https", "mailto", ""}


def soup_of(html: str) -> BeautifulSoup:
    """A fragment, parsed the way a browser would build it."""
    return BeautifulSoup(f"<div>{html}</div>", "html5lib")


# --- the guide ------------------------------------------------------------


def test_the_guide_index_lists_every_article_in_order(client, pages):
    soup = pages.check(client.get("/guide/"))
    links = [a["href"] for a in soup.select(".guide-list h2 a")]
    assert links == [f"/guide/{slug}" for slug in ARTICLE_SLUGS]
    for article in guide_articles():
        assert article.title in soup.get_text()
        assert article.summary in soup.get_text()
    assert soup.find("a", href="/start", string="Start your framework")


def test_the_guide_index_is_also_reachable_at_its_bare_prefix(client):
    response = client.get("/guide")
    assert response.status_code in (301, 308)
    assert response.location.endswith("/guide/")


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_every_article_renders_as_a_page(client, pages, slug):
    soup = pages.check(client.get(f"/guide/{slug}"))
    article = next(a for a in guide_articles() if a.slug == slug)
    assert soup.h1.get_text(strip=True) == article.title
    assert soup.title.get_text().startswith(article.title)
    assert soup.find("a", href="/guide/", string="All guides")
    assert soup.find("a", href="/start", string="Start your framework")
    assert soup.select(".prose h2"), "articles are organised in sections"


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_articles_show_no_raw_markdown(client, slug):
    soup = BeautifulSoup(client.get(f"/guide/{slug}").get_data(as_text=True), "html.parser")
    text = soup.select_one(".prose").get_text()
    for line in text.splitlines():
        assert not re.match(r"\s*#{1,6}\s", line), line
    for marker in ("**", "](", "```", "+++", "__"):
        assert marker not in text, marker


@pytest.mark.parametrize("slug", ARTICLE_SLUGS)
def test_every_link_in_an_article_leads_somewhere(client, slug):
    url = f"/guide/{slug}"
    soup = BeautifulSoup(client.get(url).get_data(as_text=True), "html.parser")
    for link in soup.find_all("a", href=True):
        href = link["href"]
        if href.startswith("#"):
            continue  # in-page anchors are checked by pages.check
        target = urlsplit(urljoin(f"http://localhost{url}", href))
        assert target.netloc == "localhost", f"{slug} links off-site: {href}"
        response = client.get(target.path)
        assert response.status_code == 200, (slug, href, response.status_code)


def test_previous_and_next_follow_the_reading_order(client):
    first = BeautifulSoup(client.get(f"/guide/{ARTICLE_SLUGS[0]}").data, "html.parser")
    assert first.find("a", rel="prev") is None
    assert first.find("a", rel="next")["href"] == f"/guide/{ARTICLE_SLUGS[1]}"
    middle = BeautifulSoup(client.get(f"/guide/{ARTICLE_SLUGS[3]}").data, "html.parser")
    assert middle.find("a", rel="prev")["href"] == f"/guide/{ARTICLE_SLUGS[2]}"
    assert middle.find("a", rel="next")["href"] == f"/guide/{ARTICLE_SLUGS[4]}"
    last = BeautifulSoup(client.get(f"/guide/{ARTICLE_SLUGS[-1]}").data, "html.parser")
    assert last.find("a", rel="next") is None


@pytest.mark.parametrize(
    "path",
    [
        "/guide/no-such-article",
        "/guide/Finding-Your-Tone",
        "/guide/finding-your-tone.md",
        "/guide/finding-your-tone/",
        "/guide/..%2Fguide_articles.py",
        "/guide/..%2F..%2Fpyproject.toml",
        "/guide/%2e%2e",
        "/guide/.%2Ffinding-your-tone",
        "/guide/finding-your-tone%00",
    ],
)
def test_unknown_or_crafted_slugs_are_not_found(client, pages, path):
    pages.check(client.get(path), status=404)


def test_articles_are_loaded_once_per_process():
    assert guide_articles() is guide_articles()
    assert [a.slug for a in guide_articles()] == ARTICLE_SLUGS


def test_an_article_needs_front_matter_a_title_a_summary_and_an_order():
    good = '+++\ntitle = "T"\nsummary = "S"\norder = 1\n+++\n\n## Part\n\nText.\n'
    article = parse_article("a-good-one", good)
    assert (article.title, article.summary, article.order) == ("T", "S", 1)
    assert [s.id for s in article.sections] == ["part"]
    with pytest.raises(ValueError, match="front matter"):
        parse_article("no-front-matter", "## Just text\n")
    with pytest.raises(ValueError, match="title"):
        parse_article("no-title", '+++\nsummary = "S"\norder = 1\n+++\nText\n')
    with pytest.raises(ValueError, match="order"):
        parse_article("bad-order", '+++\ntitle = "T"\nsummary = "S"\norder = "1"\n+++\nx\n')
    with pytest.raises(ValueError, match="lowercase"):
        parse_article("Not_A_Slug", good)


# --- the Markdown pipeline ------------------------------------------------


def test_markdown_keeps_headings_lists_links_tables_and_emphasis():
    html = render_markdown(
        "# Title\n\n## Rules\n\n"
        "- one **bold** and *italic*\n- two with `code`\n\n"
        "1. first\n2. second\n\n"
        "> a quote\n\n"
        "[site](https://example.org), [mail](mailto:comms@example.org), [start](/start)\n\n"
        "| a | b |\n| --- | --- |\n| 1 | 2 |\n"
    )
    assert isinstance(html, Markup)
    soup = soup_of(html)
    assert soup.find("h1") is None, "the page owns its h1"
    assert [h.get_text() for h in soup.find_all("h2")] == ["Title", "Rules"]
    assert len(soup.select("ul li")) == 2 and len(soup.select("ol li")) == 2
    assert soup.find("strong").get_text() == "bold"
    assert soup.find("em").get_text() == "italic"
    assert soup.find("code").get_text() == "code"
    assert soup.find("blockquote")
    assert [a["href"] for a in soup.find_all("a")] == [
        "https://example.org",
        "mailto:comms@example.org",
        "/start",
    ]
    assert all(a["rel"] == ["noopener", "noreferrer"] for a in soup.find_all("a"))
    assert [td.get_text() for td in soup.find_all("td")] == ["1", "2"]


HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<svg onload="alert(1)"><circle/></svg>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](  javascript:alert(1))",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](javascript:alert(1))",
    '<a href="https://example.org" onclick="alert(1)" target="_blank">x</a>',
    '<p style="position:fixed;top:0">cover</p>',
    '<span style="background:url(javascript:alert(1))">x</span>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<form action="https://evil.example"><input name="q"><button>Go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    "<style>body{display:none}</style>",
    '<a id="main" name="csrf_token" class="button">clobber</a>',
    "<!-- <script>alert(1)</script> -->",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<details open ontoggle="alert(1)">x</details>',
    '[x](https://example.org "title" onmouseover=alert(1))',
    "<div><p>unclosed <b>bold <i>italic</div>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_drops_anything_that_could_run_restyle_or_frame(text):
    html = str(render_markdown(text))
    soup = soup_of(html)
    for element in soup.div.find_all(True):
        assert element.name in pipeline.ALLOWED_TAGS, element.name
        for attribute, value in element.attrs.items():
            assert attribute in {"href", "title", "rel", "start"}, (element.name, attribute)
            if attribute == "href":
                assert urlsplit(value.strip()).scheme.lower() in SAFE_SCHEMES, value
    lowered = html.lower()
    for fragment in ("<script", "onerror", "onload", "onclick", "javascript:", "style=", "<iframe"):
        assert fragment not in lowered, fragment
    assert "alert(1)</script>" not in html


def test_markdown_removes_script_and_style_content_not_just_the_tags():
    html = str(render_markdown("before <script>steal()</script> <style>p{}</style> after"))
    assert "steal" not in html and "p{}" not in html
    assert "before" in html and "after" in html


def test_markdown_of_nothing_is_empty_markup():
    assert render_markdown("") == Markup("")
    assert render_markdown(None) == Markup("")


def test_only_the_guide_gets_heading_ids():
    assert "id=" not in str(render_markdown("## Contact us"))
    html, sections = render_markdown_with_headings("## Contact us\n\n### Detail\n\n## Next")
    assert 'id="contact-us"' in html
    assert [(s.id, s.title) for s in sections] == [("contact-us", "Contact us"), ("next", "Next")]


def test_the_markdown_filter_renders_safely_inside_an_autoescaped_template():
    app = Flask(__name__)
    pipeline.init_app(app)
    with app.app_context():
        out = render_template_string(
            "{{ rules|markdown }}", rules="- **Disclose** <script>x()</script>\n- Ask first"
        )
    soup = soup_of(out)
    assert soup.find("strong").get_text() == "Disclose"
    assert len(soup.find_all("li")) == 2
    assert "<script" not in out and "&lt;strong&gt;" not in out


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>\"'=/:;()[]!#*_`-|&\n abcjavascriptonerrorhref")),
        max_size=200,
    )
)
def test_no_input_produces_a_tag_or_attribute_outside_the_allow_list(text):
    soup = soup_of(str(render_markdown(text)))
    for element in soup.div.find_all(True):
        assert element.name in pipeline.ALLOWED_TAGS
        assert set(element.attrs) <= {"href", "title", "rel", "start"}
        href = element.get("href")
        if href is not None:
            assert not re.match(r"\s*(javascript|vbscript|data):", href, re.IGNORECASE)
