"""The names an expression may use in one place (a panel or a program line), and what it used."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from explorer.core.expr.names import VARIABLE_LIKE, is_parameter_name, unknown_name_message

# Never taken as a free input of a program: a learner typing E almost surely means e.
_NOT_FREE_INPUTS = frozenset({"E"})


class Scope:
    """Resolves plain names (not functions or constants) and remembers their first uses.

    ``variables`` are declared by the panel; with ``parameters`` single lowercase letters become
    slider parameters; with ``free_inputs`` (programs without declared variables) names that look
    like variables (``x``, ``w1``, ``x_2``) become inputs; ``defined`` are earlier definitions of a
    program and ``later`` maps the names of later definitions to their line numbers.
    ``functions`` are functions of one variable the panel defines (the Function tab's curves: ``f``
    in ``g(x) = f(x - 1)``); the parser reads ``f(u)``, ``f'(u)`` and ``f''(u)`` as calls of them.
    With ``any_name`` every name is taken as a variable: only the structure of the text is checked.
    """

    def __init__(
        self,
        variables: Sequence[str] = (),
        *,
        parameters: bool = False,
        free_inputs: bool = False,
        defined: Sequence[str] = (),
        later: Mapping[str, int] | None = None,
        functions: Collection[str] = (),
        any_name: bool = False,
    ):
        self.variables = tuple(variables)
        self.parameters_allowed = parameters
        self.free_inputs = free_inputs
        self.defined = set(defined)
        self.later = dict(later or {})
        self.functions = frozenset(functions)
        self.any_name = any_name
        self.defining: str | None = None  # the definition being parsed (it may not use itself)
        self.used: dict[str, None] = {}  # variables and inputs, in first-use order
        self.parameters: set[str] = set()

    def resolve(self, name: str, offset: int, *, called: bool = False) -> bool:
        """True (and the use is recorded) when ``name`` is a variable, input or parameter here."""
        if self.any_name:
            return True
        if name in self.variables:
            self.used.setdefault(name)
            return True
        if name in self.defined:
            return True
        if name in self.later or name == self.defining:
            return False
        if self.parameters_allowed and is_parameter_name(name):
            self.parameters.add(name)
            return True
        if self.free_inputs and VARIABLE_LIKE.match(name) and name not in _NOT_FREE_INPUTS:
            self.used.setdefault(name)
            return True
        return False

    def unknown_message(self, name: str, *, called: bool = False) -> str:
        if name == self.defining and not called:
            return f"'{name}' is used in its own definition; use an earlier name or an input"
        if name in self.later and not called:
            line = self.later[name]
            return f"'{name}' is defined later (line {line}); define it before using it"
        return unknown_name_message(
            name,
            self.variables,
            called=called,
            parameters=self.parameters_allowed or self.free_inputs,
            extra_known=[*self.defined, *self.used],
        )
