"""Page weight: stylesheets and scripts served without their comments, each page
loading only the sheets it uses, and the heaviest pages of a large framework
under the 60 KB budget with their stylesheets and scripts."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bench.pages import PAGE_BYTES_BUDGET, weight
from bench.sample import seed
from wizard.lean_static import lean_css, lean_js

STATIC = Path(__file__).resolve().parent.parent / "static"


def normalised(text: str) -> list[str]:
    """The lines of a file that carry something, without their indentation."""
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("name", sorted(p.name for p in STATIC.glob("*.css")))
def test_a_stylesheet_is_served_without_comments_and_with_every_rule(client, name):
    written = (STATIC / name).read_text(encoding="utf-8")
    response = client.get(f"/static/{name}")
    assert response.status_code == 200
    assert response.mimetype == "text/css"
    served = response.get_data(as_text=True)
    assert "/*" not in served and "*/" not in served
    assert "\n " not in served, "no indentation"
    without_comments = re.sub(r"/\*.*?\*/", "", written, flags=re.DOTALL)
    assert normalised(served) == normalised(without_comments)
    assert len(served) < len(written)


@pytest.mark.parametrize("name", sorted(p.name for p in STATIC.glob("*.js")))
def test_a_script_is_served_without_its_comment_lines(client, name):
    written = (STATIC / name).read_text(encoding="utf-8")
    served = client.get(f"/static/{name}").get_data(as_text=True)
    code = [line for line in normalised(written) if not line.startswith("//")]
    assert normalised(served) == code


def test_comments_after_code_and_strings_that_look_like_comments_stay():
    script = 'var url = "https://example.com"; // the address\n  // a note\nrun(url);\n'
    assert lean_js(script) == 'var url = "https://example.com"; // the address\nrun(url);\n'
    sheet = '/* a note */\n.a::before {\n  content: "‹";\n}\n\n/* two\n   lines */\n.b { color: red; }\n'
    assert lean_css(sheet) == '.a::before {\ncontent: "‹";\n}\n.b { color: red; }\n'


def test_a_lean_file_is_cached_conditionally_and_made_again_when_it_changes(app, tmp_path):
    from flask import Flask

    from wizard import lean_static

    folder = tmp_path / "static"
    folder.mkdir()
    sheet = folder / "site.css"
    sheet.write_text("/* note */\n.a { color: red; }\n")
    (folder / "logo.svg").write_text("<svg/> <!-- as it is -->")
    small = Flask("small", static_folder=str(folder))
    lean_static.init_app(small)
    client = small.test_client()

    first = client.get("/static/site.css")
    assert first.get_data(as_text=True) == ".a { color: red; }\n"
    assert (
        client.get("/static/site.css", headers={"If-None-Match": first.headers["ETag"]}).status_code
        == 304
    )
    sheet.write_text("/* note */\n.a { color: blue; }\n")
    os.utime(sheet, (1, 1))  # a different modification time, however fast the test runs
    again = client.get("/static/site.css", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200 and again.get_data(as_text=True) == ".a { color: blue; }\n"
    # Anything else is sent as it is; nothing outside the folder is sent at all.
    assert client.get("/static/logo.svg").get_data(as_text=True) == "<svg/> <!-- as it is -->"
    assert client.get("/static/../app.py").status_code == 404
    assert client.get("/static/%2e%2e/app.py").status_code == 404
    assert client.get("/static/missing.css").status_code == 404


def sheets(html: str) -> list[str]:
    """The stylesheets and scripts a page links, by file name."""
    soup = BeautifulSoup(html, "html.parser")
    links = [link["href"] for link in soup.select("link[rel=stylesheet]")]
    scripts = [script["src"] for script in soup.select("script[src]")]
    return [url.rsplit("/", 1)[1] for url in links + scripts]


def test_each_page_loads_only_the_sheets_it_uses(app, client):
    seeded = seed(app)
    token, admin = seeded.token, seeded.admin_token
    get = lambda path: client.get(path).get_data(as_text=True)  # noqa: E731
    assert sheets(get(f"/f/{token}/ideas?theme=&show=open")) == ["base.css", "ideas.css", "fold.js"]
    assert sheets(get(f"/f/{token}/print")) == [
        "base.css",
        "content.css",
        "print.css",
        "prose.css",
        "print.js",
    ]
    assert sheets(get(f"/manage/{admin}/shared/{seeded.framework_id}")) == [
        "base.css",
        "content.css",
        "shared.css",
    ]
    assert "home.css" in sheets(get("/")) and "prose.css" not in sheets(get("/"))
    assert "prose.css" in sheets(get(f"/f/{token}")), "the programme's rules are Markdown"


def test_the_heaviest_pages_of_a_large_framework_are_within_the_budget(app, client):
    """Six themes and 57 ideas (the benchmark's framework): every idea at once,
    the print page and the shared framework, with their stylesheets and scripts."""
    seeded = seed(app)
    for path in (
        f"/f/{seeded.token}/ideas?theme=&show=open",
        f"/f/{seeded.token}/print",
        f"/manage/{seeded.admin_token}/shared/{seeded.framework_id}",
        f"/f/{seeded.token}",
    ):
        body = client.get(path).get_data()
        total, _, _ = weight(client, body)
        assert total < PAGE_BYTES_BUDGET, (path, total)


def test_the_print_page_loads_its_faces_and_page_box_once(client):
    """base.css declares the typeface and the printed page box for every page;
    the server's PDF, which reads no base.css, has them from pdf.css. The
    print page's own sheet repeats neither, so its bytes go to the guide."""
    names = ("base.css", "pdf.css", "print.css")
    served = {name: client.get(f"/static/{name}").get_data(as_text=True) for name in names}
    for rule in ("@font-face", "@page"):
        assert rule in served["base.css"] and rule in served["pdf.css"], rule
        assert rule not in served["print.css"], rule
