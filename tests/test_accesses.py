"""accesses.py: which accesses to a shared thing's places conflict."""

from __future__ import annotations

from app.engine.accesses import HAS, SIZE, WHOLE, Access, conflict


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
