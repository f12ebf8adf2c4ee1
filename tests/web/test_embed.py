"""Embeds, the offline file, oEmbed, verify and the caching headers, through TestClient.

What a teacher relies on: an embed is a pure function of its URL, records steps by replacing
(not pushing) the URL, shows only the controls asked for, may be framed by other sites while
no other page may; a download is one file that needs nothing else.
"""

from __future__ import annotations

import base64
import gzip
import html as htmllib
import json
import re
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest
from starlette.testclient import TestClient

from app import scenarios
from app.cli import main
from app.main import Settings, create_app
from tests.support.pages import control, links, sim_state, step_link
from tests.support.servers import UNLIMITED

RACE = "/embed/s/race-counter"
WIN = "a3b5cbac5a3"  # race-counter: prints 3, the challenge is met


def csp(response) -> dict[str, str]:
    policy = response.headers["content-security-policy"]
    return {part.split()[0]: part.split(None, 1)[1] for part in policy.split("; ")}


def test_embeds_may_be_framed_by_any_site_and_other_pages_only_by_ours(client):
    embed, page = client.get(RACE), client.get("/s/race-counter")
    assert embed.status_code == page.status_code == 200
    assert csp(embed)["frame-ancestors"] == "*"
    assert csp(page)["frame-ancestors"] == "'self'"
    for r in (embed, page, client.get("/"), client.get("/api/scenarios")):
        assert "x-frame-options" not in r.headers
        assert csp(r)["script-src"] == "'self'" and csp(r)["style-src"] == "'self'"


def test_the_frame_ancestors_setting_names_the_sites_that_may_embed():
    sites = "https://lms.example.edu https://course.example.org"
    with TestClient(create_app(Settings(frame_ancestors=sites))) as c:
        embed = c.get(RACE)
        assert csp(embed)["frame-ancestors"] == sites
        assert f'<meta name="interleave-origins" content="{sites}">' in embed.text
        assert csp(c.get("/s/race-counter"))["frame-ancestors"] == "'self'"


def test_no_page_has_inline_script_or_style(client):
    for url in ("/", RACE, f"/s/race-counter?schedule={WIN}", "/edit", "/explore/s/race-counter",
                "/s/deadlock-two-locks?schedule=a3b2c2"):
        text = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), url
        assert not re.search(r"\sstyle=|<style", text), url
        assert not re.search(r"\son[a-z]+=", text), url


def test_an_embed_replaces_the_url_and_never_pushes_it(client):
    text = client.get(f"{RACE}?schedule={WIN}&at=4").text
    assert 'hx-replace-url="true"' in text and "hx-push-url" not in text
    assert 'hx-push-url="true"' in client.get(f"/s/race-counter?schedule={WIN}&at=4").text
    stepped = client.get(f"{RACE}?at=0&advance=step", headers={"HX-Request": "true",
                                                                  "HX-Request-Type": "partial"})
    assert stepped.headers["HX-Replace-Url"].startswith(RACE + "?")
    assert "HX-Push-Url" not in stepped.headers


def test_embed_links_keep_the_display_options(client):
    url = f"{RACE}?schedule={WIN}&at=4&controls=replay&theme=dark&speed=7&autoplay=1"
    text = client.get(url).text
    forward = control(text, "ArrowRight")
    assert forward is not None
    query = parse_qs(urlsplit(forward).query)
    assert query["controls"] == ["replay"] and query["theme"] == ["dark"]
    assert query["speed"] == ["7"] and query["autoplay"] == ["1"] and query["at"] == ["5"]
    assert 'data-theme="dark"' in text and "data-autoplay" in text
    assert 'value="7" data-speed' in text


def test_replay_only_shows_no_way_to_choose_a_thread(client):
    text = client.get(f"{RACE}?schedule={WIN}&at=4&controls=replay").text
    assert step_link(text, "Thread-1 (increment)") is None
    assert "Step Thread" not in text and 'name="policy"' not in text
    assert "Explore all interleavings" not in text
    assert control(text, "ArrowRight") and control(text, "ArrowLeft")
    full = client.get(f"{RACE}?schedule={WIN}&at=4").text
    assert step_link(full, "Thread-1 (increment)") is not None


def test_named_controls_and_bad_names(client):
    text = client.get(f"{RACE}?schedule={WIN}&at=4&controls=play").text
    assert "data-play" in text and control(text, "ArrowLeft") is None
    assert control(text, "ArrowRight") is not None  # what Play follows
    bad = client.get(f"{RACE}?controls=nav,fly")
    assert bad.status_code == 400 and "unknown control 'fly'" in htmllib.unescape(bad.text)


def test_a_clip_keeps_navigation_inside_it(client):
    text = client.get(f"{RACE}?schedule={WIN}&start=3&end=6&controls=replay").text
    assert sim_state(text)[0] == 3  # a clip opens at its start
    assert parse_qs(urlsplit(control(text, "Home") or "").query) == {}  # already at start
    last = client.get(f"{RACE}?schedule={WIN}&start=3&end=6&at=99").text
    assert sim_state(last)[0] == 6
    assert control(last, "ArrowRight") is None and control(last, "End") is None
    back = control(last, "ArrowLeft")
    assert back and parse_qs(urlsplit(back).query)["at"] == ["5"]
    assert 'min="3" max="6"' in last
    assert step_link(last, "Thread-1 (increment)") is None  # a clip is a replay


def test_embed_header_opens_the_full_page_at_the_same_step(client):
    text = client.get(f"{RACE}?schedule={WIN}&at=4").text
    opened = re.search(r'<a href="([^"]+)" target="_blank" rel="noopener">Open in', text)
    assert opened
    url = urlsplit(opened.group(1).replace("&amp;", "&"))
    assert url.path == "/s/race-counter"
    assert parse_qs(url.query) == {"schedule": [WIN], "at": ["4"], "v": ["1"]}
    assert sim_state(client.get(f"{url.path}?{url.query}").text)[0] == 4


def test_links_carry_the_schedule_format_version(client):
    page = client.get(f"/s/race-counter?schedule={WIN}&at=4").text
    permalink = re.search(r'readonly value="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert "v=1" in permalink
    newer = client.get(f"/s/race-counter?schedule={WIN}&v=2")
    assert newer.status_code == 400 and "format 2" in newer.text


def test_share_panel_gives_a_titled_iframe_and_the_embed_script(client):
    page = client.get(f"/s/race-counter?schedule={WIN}&at=4").text
    snippet = re.search(r"<textarea readonly rows=\"3\" data-share>(.*?)</textarea>", page,
                        re.S).group(1)
    assert "&lt;iframe src=" in snippet and "title=" in snippet and "data-interleave" in snippet
    assert "/static/embed.js" in snippet
    assert "/embed/s/race-counter?schedule=" in snippet


def test_etag_and_cache_control(client):
    url = f"/s/race-counter?schedule={WIN}&at=4"
    first, second = client.get(url), client.get(url)
    assert first.headers["etag"] == second.headers["etag"]
    assert "max-age" in first.headers["cache-control"]
    again = client.get(url, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    other = client.get(f"/s/race-counter?schedule={WIN}&at=5")
    assert other.headers["etag"] != first.headers["etag"]
    assert client.get("/s/nope").headers["cache-control"] == "no-store"
    assert "etag" in client.get("/explore/s/race-counter").headers  # a complete search


def test_static_files_have_versioned_names_and_long_lives(client):
    page = client.get("/").text
    names = [u for u in links(page) if u.startswith("/static/")]
    assert names and all(re.search(r"\.[0-9a-f]{10}\.(css|js|svg)$", u) for u in names)
    for name in names:
        r = client.get(name)
        assert r.status_code == 200 and "immutable" in r.headers["cache-control"]
    stale = re.sub(r"\.[0-9a-f]{10}\.", ".0000000000.", names[0])
    assert client.get(stale).status_code == 404
    script = client.get("/static/embed.js")  # host pages link it by its plain name
    assert script.status_code == 200 and "immutable" not in script.headers["cache-control"]


def test_oembed_for_a_page_and_an_embed(client):
    r = client.get("/oembed", params={"url": f"http://testserver/s/race-counter?schedule={WIN}"})
    data = r.json()
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert data["title"] == scenarios.get("race-counter").title
    src = re.search(r'src="([^"]+)"', data["html"]).group(1).replace("&amp;", "&")
    assert src == f"http://testserver/embed/s/race-counter?schedule={WIN}"
    small = client.get("/oembed", params={"url": "http://testserver/embed/s/race-counter",
                                          "maxwidth": 400, "maxheight": 300}).json()
    assert (small["width"], small["height"]) == (400, 300)


def test_oembed_refuses_other_addresses_in_json(client):
    for url, status in [("http://elsewhere.example/s/race-counter", 404),
                        ("http://testserver/s/nope", 404), ("http://testserver/edit", 404),
                        ("http://testserver/p?code=zz", 400)]:
        r = client.get("/oembed", params={"url": url})
        assert r.status_code == status and "error" in r.json(), url
    assert client.get("/oembed", params={"url": "x", "format": "xml"}).status_code == 501


def test_every_simulator_page_names_its_oembed(client):
    page = client.get(f"/s/race-counter?schedule={WIN}&at=4").text
    href = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"',
                     page).group(1).replace("&amp;", "&")
    assert client.get(href).status_code == 200


def unpack(html: str) -> list[str]:
    packed = re.search(r'<script type="application/octet-stream" id="frames">([^<]+)</script>',
                       html).group(1)
    return json.loads(gzip.decompress(base64.b64decode(packed)))


def test_download_is_one_file_that_needs_nothing_else(client):
    r = client.get(f"/export/s/race-counter?schedule={WIN}&at=2")
    assert r.status_code == 200
    assert r.headers["content-disposition"] == (
        'attachment; filename="interleave-race-counter.html"')
    html = r.text
    outside = re.findall(r'\s(?:src|href)="([^#][^"]*)"', html)
    assert outside == ["http://testserver/s/race-counter?schedule=a3b5cbac5a3&amp;at=2&amp;v=1"]
    assert "<style>" in html
    frames = unpack(html)
    assert not any("hx-get" in frame for frame in frames)
    assert len(frames) == 20  # steps 0..19
    assert all(f'data-at="{i}"' in frame for i, frame in enumerate(frames))
    assert frames[2] in html  # it opens at the step it was downloaded from
    assert 'href="#at-3"' in frames[2]


def test_download_without_a_schedule_replays_the_policys_run(client):
    frames = unpack(client.get("/export/s/deadlock-two-locks").text)
    assert "Finished after 13 steps" in frames[-1]
    assert client.get("/export/s/nope").status_code == 404


def test_export_command_writes_the_same_file(tmp_path, client, capsys):
    out = tmp_path / "lesson.html"
    assert main(["export", "race-counter", "--schedule", WIN, "-o", str(out)]) == 0
    assert "19 steps" in capsys.readouterr().err
    assert len(unpack(out.read_text())) == 20
    assert main(["export", "race-counter", "--schedule", "zz", "-o", str(out)]) == 2
    assert main(["export", "race-counter", "--schedule", "a9999", "-o", str(out)]) == 2
    assert "offline copy holds up to" in capsys.readouterr().err


def test_verify_api(client):
    met = client.post("/api/verify", json={"scenario": "race-counter", "schedule": WIN})
    assert met.status_code == 200 and met.json()["met"] is True
    not_met = client.post("/api/verify", json={"scenario": "race-counter", "schedule": "a"})
    assert not_met.json()["met"] is False and "before the program ends" in not_met.json()[
        "reason"]
    custom = client.post("/api/verify", json={"scenario": "race-counter", "schedule": WIN,
                                              "goal": "counter == 2"})
    assert custom.json()["met"] is False
    for body, status in [({"scenario": "race-counter", "schedule": "zz"}, 400),
                         ({"scenario": "nope", "schedule": ""}, 404),
                         ({"source": "x = 1", "schedule": ""}, 400),
                         ({"scenario": "race-counter", "schedule": "", "goal": "import os"},
                          400)]:
        r = client.post("/api/verify", json=body)
        assert r.status_code == status and "error" in r.json(), body


@pytest.fixture
def teacher_dir(tmp_path, monkeypatch):
    folder = tmp_path / "course"
    folder.mkdir()
    (folder / "my_race.py").write_text(
        "# title: Our own race\n# idea: Two threads, one counter.\n# goal: counter == 1\n"
        "# order: 1\n\nimport threading\ncounter = 0\ndef work():\n    global counter\n"
        "    counter += 1\nts = [threading.Thread(target=work) for _ in range(2)]\n"
        "for t in ts: t.start()\nfor t in ts: t.join()\n", encoding="utf-8")
    monkeypatch.setenv(scenarios.ENV, str(folder))
    scenarios.catalog.cache_clear()
    yield folder
    monkeypatch.delenv(scenarios.ENV)
    scenarios.catalog.cache_clear()


def test_teachers_scenarios_are_served_beside_the_built_in_ones(teacher_dir):
    with TestClient(create_app()) as c:
        assert '<a href="/s/my-race">Our own race</a>' in c.get("/").text
        assert c.get("/s/my-race").status_code == 200
        verdict = c.post("/api/verify", json={"scenario": "my-race", "schedule": "a3bcb2c2a2"})
        assert verdict.json()["met"] is True
        assert c.get("/s/race-counter").status_code == 200


def test_serve_refuses_a_broken_scenario_folder(tmp_path, capsys, monkeypatch):
    (tmp_path / "bad.py").write_text("# title: Bad\n\nimport subprocess\n", encoding="utf-8")
    monkeypatch.setenv(scenarios.ENV, "")
    assert main(["serve", "--scenarios", str(tmp_path)]) == 2
    assert "scenario bad, line 3" in capsys.readouterr().err
    assert main(["serve", "--scenarios", str(tmp_path / "missing")]) == 2
    assert "no such folder" in capsys.readouterr().err
    scenarios.catalog.cache_clear()


@pytest.mark.parametrize("public_url", ["", "https://interleave.example"])
def test_a_forged_host_never_appears_in_a_page_or_the_oembed_answer(public_url):
    """Pages and oEmbed answers are cached by URL alone: a Host header in them would let one
    request poison the cache for everyone."""
    evil = {"Host": "evil.example"}
    settings = replace(UNLIMITED, public_url=public_url)
    with TestClient(create_app(settings), follow_redirects=False) as c:
        answers = [c.get(f"/s/race-counter?schedule={WIN}&at=4", headers=evil),
                   c.get(f"/embed/s/race-counter?schedule={WIN}", headers=evil),
                   c.get(f"/s/race-counter?schedule={WIN}&at=4&advance=step", headers=evil),
                   c.get(f"/export/s/race-counter?schedule={WIN}", headers=evil),
                   c.get("/oembed", params={"url": f"{public_url}/s/race-counter"},
                         headers=evil),
                   c.get("/oembed", params={"url": "http://evil.example/s/race-counter"},
                         headers=evil)]
    for r in answers:
        assert r.status_code < 500 and "evil.example" not in r.headers.get("location", "")
    for r in answers[:-1]:
        assert "evil.example" not in r.text
    if public_url:
        assert answers[4].status_code == 200 and public_url in answers[4].json()["html"]
        assert f'{public_url}/embed/s/race-counter' in answers[0].text
    assert answers[5].status_code == 404


def test_without_a_public_url_links_stay_relative_and_oembed_says_why():
    with TestClient(create_app(replace(UNLIMITED, public_url=""))) as c:
        page = c.get(f"/s/race-counter?schedule={WIN}&at=4").text
        download = c.get(f"/export/s/race-counter?schedule={WIN}").text
        oembed = c.get("/oembed", params={"url": "http://testserver/s/race-counter"})
    permalink = re.search(r'readonly value="([^"]+)"', page).group(1)
    assert permalink.startswith("/s/race-counter?")
    assert 'src="/embed/s/race-counter?' in htmllib.unescape(page)
    assert "application/json+oembed" not in page  # no discovery of an endpoint that says no
    assert "http://testserver" not in page + download
    assert oembed.status_code == 404 and "INTERLEAVE_PUBLIC_URL" in oembed.json()["error"]


def test_an_exploration_waits_for_a_slot_then_says_the_server_is_busy():
    app = create_app(Settings(explorers=1))
    with TestClient(app) as c:
        limits = app.state.limits  # take the only slot, as a long search would
        limits.explorations.wait = 0.2
        limits.explorations.take()
        try:
            busy = c.post("/api/explore", json={"scenario": "race-counter"})
            assert busy.status_code == 503 and busy.headers["retry-after"] == "5"
            assert "busy" in busy.json()["error"]
        finally:
            limits.explorations.give_back()
        assert c.post("/api/explore", json={"scenario": "race-counter"}).status_code == 200


def test_an_embeds_exploration_opens_its_witnesses_in_the_embed(client):
    embed = client.get(f"{RACE}?theme=dark").text
    explore = re.search(r'hx-get="(/explore[^"]+)"', embed).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(explore).query)["embed"] == ["1"]
    result = client.get(explore.replace("stream=1&", ""), headers={"HX-Request": "true"}).text
    witness = re.search(r'<a href="([^"]+)"([^>]*)>', result)
    assert witness.group(1).startswith("/embed/s/race-counter?theme=dark&amp;schedule=")
    assert 'hx-replace-url="true"' in witness.group(2) and "hx-push-url" not in result
    page = client.get("/explore/s/race-counter", headers={"HX-Request": "true"}).text
    # on our own pages: plain links
    assert '<a href="/s/race-counter?schedule=' in page and "hx-get" not in page
