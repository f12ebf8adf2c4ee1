"""Every instruction's op, declared once with what other parts of the engine need to know of
it, in the style of `dis` (`opmap`, `hasjrel`…): the explorer's plain steps (`plain`) and its
reduction (`reduction`) read their categories here rather than keep lists of their own.

`Instr` refuses an op that is not declared, so a new instruction is declared here first.
"""

from __future__ import annotations

from typing import NamedTuple


class Op(NamedTuple):
    name: str
    #: A step that may be plain (`plain`): a read or write of a shared variable holding a
    #: number, or the arithmetic of a statement that writes one.
    plain: bool = False
    #: Moves values between a frame's stack, its locals and the program's constants (or packs
    #: them in a tuple), or jumps or loops, without looking at them: what may follow a plain
    #: step of frames that hold objects of the shared part (`plain.Rules.blind_ends`).
    blind: bool = False
    #: A step or not by the kind of object it works on: a method call (a lock's), an item of
    #: a list or dict.
    by_kind: bool = False
    #: Arithmetic on the values at the top of the stack: how many it takes.
    operands: int = 0
    #: Arithmetic that is a step of its own: the middle of a shared read-modify-write
    #: (`counter += 1`), which touches only the stack when its operands are numbers.
    shared_arithmetic: bool = False


TABLE = (
    # names: shared variables, locals, closures, constants
    Op("READ", plain=True), Op("WRITE", plain=True),
    Op("LOAD_LOCAL", blind=True), Op("STORE_LOCAL", blind=True), Op("LOAD_GLOBAL", blind=True),
    Op("STORE_GLOBAL"), Op("LOAD_CLOSURE"), Op("STORE_CLOSURE"), Op("CONST", blind=True),
    Op("DELETE_LOCAL"), Op("DELETE_GLOBAL"), Op("DELETE_SHARED"),
    # the stack
    Op("POP", blind=True), Op("DUP", blind=True), Op("DUP2"), Op("ROT", blind=True),
    # arithmetic
    Op("BINOP", operands=2), Op("COMPARE", operands=2), Op("UNARY", operands=1),
    Op("COMPUTE", plain=True, operands=2, shared_arithmetic=True),
    Op("COMPUTE_CONST", plain=True, operands=1, shared_arithmetic=True),
    Op("COMPUTE_ATTR"), Op("FORMAT"),
    # flow
    Op("JUMP", blind=True), Op("JUMP_BACK", blind=True), Op("LABEL"),
    Op("JUMP_IF_TRUE"), Op("JUMP_IF_FALSE"), Op("JUMP_IF_TRUE_OR_KEEP"),
    Op("JUMP_IF_FALSE_OR_KEEP"), Op("GET_ITER"), Op("FOR_ITER", blind=True),
    Op("FOR_NEXT", blind=True), Op("YIELD"), Op("SEND"), Op("DELEGATED"),
    Op("RETURN", blind=True),
    # exceptions
    Op("SETUP", blind=True), Op("POP_HANDLER", blind=True), Op("RAISE"), Op("RERAISE"),
    Op("CHAIN"),
    Op("EXC_INFO"), Op("MATCH_EXC"), Op("ASSERT_FAIL"), Op("FAIL"),
    # calls and functions
    Op("CALL"), Op("CALL_METHOD", by_kind=True), Op("CALL_SPREAD"), Op("CALL_METHOD_SPREAD"),
    Op("CALL_TARGET"), Op("GATHER"), Op("GATHER_KEYWORDS"), Op("MAKE_FUNCTION"), Op("SUPER"),
    Op("BUILD_CLASS"), Op("NAMESPACE"), Op("CALL_NEW"), Op("INIT_NEW"), Op("CALL_INIT"),
    Op("END_INIT"), Op("END_RUN"),
    # items and attributes
    Op("SUBSCR", by_kind=True), Op("STORE_SUBSCR"), Op("DELETE_SUBSCR"), Op("GET_ATTR"),
    Op("SET_ATTR"), Op("DELETE_ATTR"), Op("UNPACK"), Op("UNPACK_EX"), Op("MATCH"),
    # building values
    Op("BUILD_LIST"), Op("BUILD_TUPLE", blind=True), Op("BUILD_SET"), Op("BUILD_DICT"),
    Op("BUILD_SLICE"),
    Op("BUILD_STRING"), Op("BUILD_SPREAD"), Op("LIST_APPEND"), Op("SET_ADD"), Op("MAP_ADD"),
)

OPS: dict[str, Op] = {op.name: op for op in TABLE}

PLAIN = frozenset(op.name for op in TABLE if op.plain)
BLIND = frozenset(op.name for op in TABLE if op.blind)
BY_KIND = frozenset(op.name for op in TABLE if op.by_kind)
#: Local arithmetic (not its own step), by op: how many operands it takes from the stack.
ARITHMETIC = {op.name: op.operands for op in TABLE if op.operands and not op.shared_arithmetic}
#: Arithmetic that is its own step, by op: how many operands it takes from the stack.
SHARED_ARITHMETIC = {op.name: op.operands for op in TABLE if op.shared_arithmetic}
