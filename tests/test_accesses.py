"""accesses.py: which accesses to a shared thing's places conflict."""

from __future__ import annotations

from app.engine import compile_program
from app.engine.accesses import HAS, SIZE, WHOLE, Access, accesses, conflict
from app.engine.machine import Machine
from app.engine.parts import Parts


def _at(place: object, write: bool, thing: str | int = 0) -> Access:
    return Access(thing, place, "seen", f"seen[{place!r}]", write)


def test_same_item_conflicts_when_one_writes() -> None:
    assert conflict(_at(0, True), _at(0, False))
    assert conflict(_at(0, False), _at(0, True))
    assert conflict(_at(0, True), _at(0, True))


def test_two_reads_never_conflict() -> None:
    assert not conflict(_at(0, False), _at(0, False))
    assert not conflict(_at(WHOLE, False), _at(WHOLE, False))


def test_different_items_of_a_list_do_not_conflict() -> None:
    assert not conflict(_at(0, True), _at(1, True))
    assert not conflict(_at("a", True), _at("b", False))


def test_different_things_never_conflict() -> None:
    assert not conflict(_at(0, True, thing=0), _at(0, True, thing=1))
    assert not conflict(_at(WHOLE, True, thing="x"), _at(WHOLE, True, thing="y"))


def test_whole_overlaps_every_item() -> None:
    assert conflict(_at(WHOLE, False), _at(3, True))
    assert conflict(_at(3, True), _at(WHOLE, False))
    assert conflict(_at(WHOLE, True), _at(SIZE, False))
    assert conflict(_at((HAS, "a"), False), _at(WHOLE, True))


def test_size_writes_commute_but_race_a_size_read() -> None:
    assert not conflict(_at(SIZE, True), _at(SIZE, True))
    assert conflict(_at(SIZE, True), _at(SIZE, False))
    assert conflict(_at(SIZE, False), _at(SIZE, True))
    assert not conflict(_at(SIZE, False), _at(SIZE, False))


def test_size_does_not_overlap_an_item() -> None:
    assert not conflict(_at(SIZE, True), _at(0, True))
    assert not conflict(_at(0, False), _at(SIZE, True))


def test_has_key_races_only_the_same_key() -> None:
    assert conflict(_at((HAS, "a"), False), _at((HAS, "a"), True))
    assert not conflict(_at((HAS, "a"), False), _at((HAS, "b"), True))
    assert not conflict(_at((HAS, "a"), False), _at("a", True))


SOURCE = """import threading
counter = 0
seen = [0, 0]
def work(i):
    global counter
    seen[i] = 1
    counter += 1
ts = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter, seen)
"""


def _next_accesses(machine: Machine, *steps: int) -> dict[int, tuple[Access, ...]]:
    """Each enabled thread's next accesses, after MainThread blocks in join and `steps`."""
    while 0 in machine.enabled():
        machine.step(0)
    parts = Parts(machine, lambda *_: None)
    joined, table = parts.join(parts.split(machine))
    for tid in steps:
        joined.step(tid)
    return {tid: accesses(joined, joined.threads[tid], table) for tid in joined.enabled()}


def test_workers_write_different_items_of_a_shared_list() -> None:
    found = _next_accesses(Machine(compile_program(SOURCE)))
    (a,), (b,) = found[1], found[2]
    assert (a.owner, a.name, a.place, a.write) == ("seen", "seen[0]", 0, True)
    assert (b.owner, b.name, b.place, b.write) == ("seen", "seen[1]", 1, True)
    assert a.thing == b.thing
    assert not conflict(a, b)


def test_workers_both_about_to_read_a_shared_global_then_race_on_its_write() -> None:
    found = _next_accesses(Machine(compile_program(SOURCE)), 1, 2)
    (a,), (b,) = found[1], found[2]
    assert a == b == Access("counter", WHOLE, "counter", "counter", False)
    assert not conflict(a, b)
    written = a._replace(write=True)
    assert conflict(written, b)


def test_main_threads_local_steps_make_no_accesses() -> None:
    m = Machine(compile_program("x = 1\ny = x + 1\nprint(y)\n"))
    parts = Parts(m, lambda *_: None)
    joined, table = parts.join(parts.split(m))
    assert not joined.over()
    assert accesses(joined, joined.threads[0], table) == ()
