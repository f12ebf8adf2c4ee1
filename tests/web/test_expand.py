"""A read-modify-write shown as its three steps (issue 14 §4), and a scenario that opens after
MainThread's set-up."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from app.web.expand import expansion
from tests.support.pages import control, sim_state, step_link


@pytest.mark.parametrize(("line", "statement", "parts"), [
    ("        counter += 1  # NOT atomic", "counter += 1",
     ("tmp = counter", "tmp = tmp + 1", "counter = tmp")),
    ("self.balance -= amount", "self.balance -= amount",
     ("tmp = self.balance", "tmp = tmp - amount", "self.balance = tmp")),
    ("x = x * 2", "x = x * 2", ("tmp = x", "tmp = tmp * 2", "x = tmp")),
    ("seen[i] += 1", "seen[i] += 1", ("tmp = seen[i]", "tmp = tmp + 1", "seen[i] = tmp")),
])
def test_a_read_modify_write_is_three_steps(line, statement, parts):
    for kind, current in (("read", 0), ("compute", 1), ("write", 2)):
        found = expansion(line, kind)
        assert found is not None
        assert (found.statement, found.parts, found.current) == (statement, parts, current)


@pytest.mark.parametrize("line", ["x = y + 1", "for x in y:", "a, b = b, a", "print(x)",
                                  "if (x :=", "counter += 1"])
def test_anything_else_is_not_expanded(line):
    kind = "call" if line == "counter += 1" else "read"  # a step that is none of the three
    assert expansion(line, kind) is None


def test_the_lessons_counter_opens_after_its_setup_and_expands_the_increment(client: TestClient):
    page = client.get("/s/lesson-counter").text
    at, total = sim_state(page)
    assert at == total == 5  # the list of threads made, then each started
    assert control(page, "Home") is not None
    stepped = client.get(step_link(page, "Thread-1 (increment)")).text
    pane = stepped.split('aria-label="Thread-1 (increment)"', 1)[1].split("</section>", 1)[0]
    assert "<code>counter += 1</code> is three steps:" in pane
    assert re.search(r'<li class="next" aria-current="step"><code>tmp = tmp \+ 1</code>', pane)
    assert '<li class="done"><code>tmp = counter</code></li>' in pane
