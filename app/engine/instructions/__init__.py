"""The instruction set: one factory per operation, each returning an `Instr` whose `run` does it.

Runs are closures over their arguments: the interpreter's inner loop is `ins.run(m, th)`, with
no decoding. Visible instructions return an event tuple for the trace:

    ("read", name, value) · ("write", name, value) · ("compute", a, op, b, result)
    ("call", text, result) · ("sync", text, primitive) · ("test", text, result)

docs/semantics.md lists which source constructs become which steps.

One module per kind of operation: `names` (constants, locals, globals, the stack),
`operators`, `flow` (jumps and loops), `functions` (calls and classes), `items`
(attributes, items, containers) and `exceptions`; a return is `returns.ret`, outside this
package, since the runtime's own codes end with one too.
"""

from __future__ import annotations

from ..returns import ret
from .exceptions import (
    assert_fail,
    chain_context,
    exc_info,
    fail_instr,
    match_exc,
    pop_handler,
    raise_,
    raise_exc,
    raise_from,
    raise_in_handler,
    reraise,
    setup,
)
from .flow import Label, branch, for_iter, for_next, get_iter, jump, send
from .functions import (
    build_class,
    call,
    call_method_instr,
    call_method_spread,
    call_spread,
    gather,
    gather_keywords,
    make_function,
    make_super,
    namespace,
)
from .items import (
    build,
    collect,
    compute_attr,
    delete_attr,
    delete_subscr,
    format_value,
    get_attr,
    list_append,
    set_attr,
    store_subscr,
    subscr,
    unpack,
)
from .names import (
    const,
    delete_global,
    delete_local,
    dup,
    dup2,
    label_store,
    load_closure,
    load_global,
    load_local,
    pop,
    read,
    rot,
    store_closure,
    store_global,
    store_local,
    write,
)
from .operators import binop, compare, compute, compute_const, unaryop

__all__ = [
    "Label", "assert_fail", "binop", "chain_context", "branch", "build", "build_class", "call",
    "call_method_instr", "call_method_spread", "call_spread", "collect", "compare", "compute",
    "compute_attr", "compute_const", "const", "delete_attr", "delete_global", "delete_local",
    "delete_subscr", "dup", "dup2",
    "exc_info",
    "fail_instr", "for_iter", "for_next", "format_value", "gather", "gather_keywords",
    "get_attr", "get_iter", "jump", "label_store", "list_append", "load_closure",
    "load_global", "load_local", "make_function", "make_super", "match_exc", "namespace",
    "pop", "pop_handler", "raise_", "raise_exc", "raise_from", "raise_in_handler", "read",
    "reraise", "ret", "rot",
    "send", "set_attr", "setup", "store_closure", "store_global", "store_local", "store_subscr",
    "subscr", "unaryop", "unpack", "write",
]
