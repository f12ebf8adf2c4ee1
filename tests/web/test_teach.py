"""The pages for teachers through TestClient: the embed builder (its address is its state),
the teacher's page, the API page (no other site's address in it), a replay-only embed with
nothing a watcher cannot do, and the timeline's short thread labels."""

from __future__ import annotations

import html as htmllib
import re
from urllib.parse import parse_qs, urlsplit

from app import scenarios
from app.web.timeline import short_name
from tests.support.pages import enc

WIN = "a3b5cbac5a3"  # race-counter: prints 3


def preview(page: str) -> str:
    found = re.search(r'<iframe class="preview" src="([^"]+)"', page)
    assert found, "no preview"
    return htmllib.unescape(found.group(1))


def snippet(page: str) -> str:
    found = re.search(r"<textarea readonly rows=\"5\" data-snippet>(.*?)</textarea>", page, re.S)
    assert found, "no embed code"
    return htmllib.unescape(found.group(1))


def query(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query).items()}


def test_the_builder_first_shows_the_first_scenario_with_every_control(client):
    page = client.get("/teach/embed").text
    first = next(iter(scenarios.catalog().values()))
    assert preview(page) == f"/embed/s/{first.id}"
    assert len(re.findall(r'name="show" value="\w+" checked', page)) == 6
    assert f'src="http://testserver/embed/s/{first.id}"' in snippet(page)
    assert '<script src="http://testserver/static/embed.js" defer></script>' in snippet(page)


def test_the_builders_address_is_its_state(client):
    page = client.get("/teach/embed?form=1&scenario=race-counter&show=nav&show=play&start=2"
                      "&end=8&theme=dark&speed=7&autoplay=1").text
    assert '<option value="race-counter" selected>' in page
    assert re.findall(r'name="show" value="(\w+)" checked', page) == ["nav", "play"]
    assert 'name="start" min="0" max="' in page and 'value="2"' in page
    assert '<option value="dark" selected>' in page
    assert 'name="autoplay" value="1" checked' in page
    assert 'name="speed" min="1" max="10" value="7"' in page
    src = preview(page)
    assert src.startswith("/embed/s/race-counter?")
    got = query(src)
    assert {k: got[k] for k in ("controls", "start", "end", "theme", "speed", "autoplay")} == {
        "controls": "nav,play", "start": "2", "end": "8", "theme": "dark", "speed": "7",
        "autoplay": "1"}
    assert got["schedule"] and got["v"] == "1"  # a replay gets the scheduler's run
    assert "students can only replay" in page
    assert f'src="http://testserver{htmllib.escape(src)}"' in snippet(page)
    assert client.get(src).status_code == 200


def test_the_builder_names_presets_and_keeps_a_pasted_links_schedule(client):
    link = f"https://elsewhere.example/s/race-counter?schedule={WIN}&at=4&v=1"
    page = client.get("/teach/embed", params={"form": "1", "link": link, "show": [
        "nav", "play", "scrub"]}).text
    got = query(preview(page))
    assert got == {"schedule": WIN, "at": "4", "v": "1", "controls": "replay"}
    assert "students can only replay" not in page
    code = enc("import threading\nx = 0\nprint(x)\n")
    page = client.get("/teach/embed", params={"link": f"http://testserver/p?code={code}"}).text
    assert query(preview(page)) == {"code": code}
    assert 'title="Interleave: Your program"' in snippet(page)


def test_a_link_the_builder_cannot_use_is_said_in_the_page(client):
    for link, words in (("/s/no-such", "no scenario called"),
                        ("/p?code=zzz", "damaged"),
                        ("https://example.com/", "Paste the address of a simulator page")):
        response = client.get("/teach/embed", params={"link": link})
        assert response.status_code == 200
        assert 'class="problem" role="alert"' in response.text and words in response.text
        assert "<iframe" not in response.text


def test_the_header_links_to_the_teachers_and_the_api_pages(client):
    page = client.get("/").text
    assert '<a href="/teach">For teachers</a>' in page and '<a href="/docs">API</a>' in page
    assert 'href="/openapi.json"' not in page


def test_the_teachers_page_shows_each_feature_with_an_example(client):
    page = client.get("/teach").text
    for words in ('href="/teach/embed"', "controls=replay", "interleave export",
                  "interleave verify", "/api/verify", "INTERLEAVE_SCENARIOS", "# goal:",
                  'href="/docs#widget"'):
        assert words in page, words


def test_the_api_page_is_swagger_ui_from_our_own_files(client):
    response = client.get("/docs")
    page = response.text
    assert response.status_code == 200
    assert not re.search(r"https?://", page), "an address of another site"
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert any("/static/swagger-ui-bundle-" in s for s in scripts)
    assert all(s.startswith("/static/") for s in scripts)
    assert "<script>" not in page and " style=" not in page
    for src in scripts + re.findall(r'<link rel="stylesheet" href="([^"]+)"', page):
        assert client.get(src).status_code == 200
    assert 'data-spec="/openapi.json"' in page
    for words in ("postMessage", "challenge-met", "goto", "Interleave.send"):
        assert words in page
    init = client.get(re.search(r'src="(/static/api-docs\.[^"]+)"', page).group(1)).text
    assert "validatorUrl: null" in init and not re.search(r"https?://", init)


def test_a_replay_only_embed_shows_no_challenge_and_no_step_prompts(client):
    stepping = client.get(f"/embed/s/race-counter?schedule={WIN}&at=0").text
    assert "pick a thread" in stepping and "Challenge:" in stepping
    assert "step the thread with that number" in stepping
    for controls in ("replay", "nav", "play"):
        page = client.get(f"/embed/s/race-counter?schedule={WIN}&at=0&controls={controls}").text
        assert "pick a thread" not in page and "Challenge:" not in page
        assert "step the thread with that number" not in page
        assert "let the scheduler pick" not in page.lower()
        assert "press Forward ▶ or Play" in page
    clip = client.get(f"/embed/s/race-counter?schedule={WIN}&start=0&end=5").text
    assert "pick a thread" not in clip and "Challenge:" not in clip
    # The page itself keeps its challenge.
    assert "Challenge:" in client.get(f"/s/race-counter?schedule={WIN}&at=0").text


def test_short_names_of_threads():
    assert short_name("Thread-1 (increment)") == "T1"
    assert short_name("Thread-12") == "T12"
    assert short_name("MainThread") == "Main"
    assert short_name("producer (work)") == "producer"
    assert short_name("consumer") == "consumer"


def test_timeline_labels_carry_a_short_name_for_narrow_screens(client):
    page = client.get(f"/s/race-counter?schedule={WIN}&at=5").text
    rows = re.findall(r'<th scope="row">(.*?)</th>', page)
    assert ('<span class="name-full">Thread-1 (increment)</span><span class="name-short" '
            'aria-hidden="true" title="Thread-1 (increment)">T1</span>') in rows
    assert any('<span class="name-short" aria-hidden="true" title="MainThread">Main</span>' in r
               for r in rows)
    css = client.get("/static/app.css").text
    assert re.search(r"@media \(max-width: 480px\) \{\s*\.timeline \.name-full", css)


LONG = """import threading

counter = 0

def work():
    global counter
    for _ in range(200):
        counter += 1

threads = [threading.Thread(target=work) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
"""


def test_a_long_runs_overview_bands_carry_short_names_too(client):
    page = client.get(f"/p?code={enc(LONG)}&schedule=~rr").text
    names = re.findall(r'<ul class="band-names" aria-hidden="true">(.*?)</ul>', page)
    assert names, "no overview"
    assert ('<span class="name-full">Thread-2 (work)</span><span class="name-short" '
            'aria-hidden="true" title="Thread-2 (work)">T2</span>') in names[0]
    css = client.get("/static/app.css").text
    assert ".band-names .name-short { display: inline; }" in css


def test_the_sharing_panel_opens_its_step_in_the_builder(client):
    page = client.get(f"/s/race-counter?schedule={WIN}&at=7").text
    found = re.search(r'<a href="(/teach/embed\?link=[^"]+)">Open this step in the embed builder',
                      page)
    assert found and "&amp;controls=replay</code> to the address" not in page
    built = client.get(htmllib.unescape(found.group(1))).text
    assert query(preview(built)) == {"schedule": WIN, "at": "7", "v": "1"}
    assert "the scenario menu is set aside" in built
    assert '<option value="race-counter" selected>' in built
