"""Tokenizer of the expression language: numbers, names, operators, and clear messages for the rest.

Offsets are 0-based into the normalised text (Unicode spaces such as NBSP are turned into plain
spaces first, keeping every offset). A character that is not part of the language does not stop the
tokenizer: it becomes an ``ERROR`` token carrying its message, so the parser reports problems from
left to right (``lambda: 1`` is reported as Python at ``lambda``, not at the colon).

Numbers are ``2``, ``2.``, ``.5`` and scientific notation ``<number>e<digits>`` with an optional
sign (``2e-3`` is 0.002, ``1e-3x`` is x/1000). A number followed by ``e`` and anything else
multiplies by the constant e: ``2e^x`` is 2·e^x, likewise ``2e*x``, ``2e x``, ``(2e)``. Two
spellings in between are refused as incomplete numbers rather than guessed: ``e`` ending a line
(``1e``, typed on the way to ``1e3``; write ``1*e``) and ``e`` followed by a sign without digits
(``2e-x``: write ``2e-3`` for 0.002 or ``2*e - x``). ``E`` behaves like ``e`` here. ``**`` is
read as ``^``.

Lookalike characters pasted from documents (U+2212 minus, ×, √, π, 𝑥, fullwidth ｘ, Cyrillic е)
are refused with their Unicode name and the ASCII to type instead; they are never silently turned
into a different symbol. A letter outside ASCII is found before anything else
(``first_foreign_letter``), even inside a word, so ``siп(x)`` with a Cyrillic п is reported at
the п rather than as an unknown name ``si``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from explorer.core.expr.errors import ExprError
from explorer.core.text import SUPERSCRIPT_LETTERS

MAX_NUMBER_DIGITS = 30
MAX_NUMBER_MAGNITUDE = 1e300
MIN_NUMBER_MAGNITUDE = 1e-300

NUMBER, NAME, OPERATOR, LPAREN, RPAREN, BAR, COMMA, EQUALS, NEWLINE, END, ERROR = (
    "number",
    "name",
    "operator",
    "(",
    ")",
    "|",
    ",",
    "=",
    "newline",
    "end",
    "error",
)


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    start: int
    end: int
    value: float = 0.0
    # For ERROR tokens: the message to raise when the parser reaches this token.
    message: str = ""


_LOOKALIKE_HINTS: dict[str, str] = {
    **dict.fromkeys("\u2212\u2010\u2011\u2012\u2013\u2014\u2015\ufe63\uff0d", "'-'"),
    **dict.fromkeys("\u00d7\u00b7\u22c5\u2219\u2217\u2022\u2715\u2716", "'*'"),
    **dict.fromkeys("\u00f7\u2215\u2044", "'/'"),
    "\u221a": "sqrt(...)",
    "\u221b": "cbrt(...)",
    "\u03c0": "pi",
    "\u212f": "e",
    "\u2107": "e",
    **{
        ch: f"'^{digit}'"
        for ch, digit in zip(
            "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079",
            "0123456789",
            strict=True,
        )
    },
    "\u207b": "'^-'",
    **{raised: f"'^{letter}'" for letter, raised in SUPERSCRIPT_LETTERS.items()},
    **dict.fromkeys("\u2264\u2265\u2260\u2248", "an expression (comparisons are not supported)"),
    "\u221e": "a finite number (infinity is not a value you can use)",
    **dict.fromkeys("\u2018\u2019\u201c\u201d", "nothing (quotes are not part of a formula)"),
    "\u00a6": "'|'",
    "\u2223": "'|'",
}

# Letters from other alphabets that look like ASCII letters (NFKC does not map these).
_CONFUSABLE_LETTERS = {
    **dict(zip("аеорсухіѕјӏԁԛԝп", "aeopcyxisjldqwn", strict=True)),
    **dict(zip("АВЕКМНОРСТХІЅЈ", "ABEKMHOPCTXISJ", strict=True)),
    **dict(zip("οαιυνκτρχ", "oaiuvktpx", strict=True)),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),
}

_ASCII_MESSAGES: dict[str, str] = {
    "!": "Factorial '!' is not supported",
    "#": "'#' is not allowed: comments are not part of a formula",
    ";": "';' is not allowed: write one expression (put each definition on its own line)",
    "[": "Use round brackets ( ) for grouping, not '['",
    "]": "Use round brackets ( ) for grouping, not ']'",
    "{": "Use round brackets ( ) for grouping, not '{'",
    "}": "Use round brackets ( ) for grouping, not '}'",
    "'": "Quotes are not allowed: a formula contains no text",
    '"': "Quotes are not allowed: a formula contains no text",
    "`": "Quotes are not allowed: a formula contains no text",
    "<": "Inequalities (<, >) are not supported; type an expression such as x - 1",
    ">": "Inequalities (<, >) are not supported; type an expression such as x - 1",
    "%": "'%' is not supported; for a percentage divide by 100",
    "_": "A name cannot start with '_'",
    "\\": "'\\' is not allowed; for division type '/'",
    ":": "':' is not allowed in a formula",
    "&": "'&' is not allowed in a formula",
    "@": "'@' is not allowed in a formula",
    "$": "'$' is not allowed in a formula",
    "?": "'?' is not allowed in a formula",
    "~": "'~' is not allowed in a formula",
}


def is_space(ch: str) -> bool:
    return ch in " \t\f\v" or (ch > "\x7f" and unicodedata.category(ch) in ("Zs", "Zl", "Zp"))


def normalize_spaces(text: str) -> str:
    """Unicode spaces (NBSP from web pages, …) become plain spaces; CR/CRLF become newlines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return text.replace("\t", " ")
    return "".join(" " if is_space(ch) else ch for ch in text)


def unicode_message(ch: str) -> str:
    """Why a non-ASCII character is refused, naming it and saying what to type instead."""
    code = f"U+{ord(ch):04X}"
    name = unicodedata.name(ch, "")
    shown = f"'{ch}' ({name})" if name and ch.isprintable() else f"{code} {name}".rstrip()
    hint = _LOOKALIKE_HINTS.get(ch)
    if hint is None and ch in _CONFUSABLE_LETTERS:
        hint = f"the plain letter '{_CONFUSABLE_LETTERS[ch]}'"
    if hint is None:
        plain = unicodedata.normalize("NFKC", ch)
        if plain != ch and plain.isascii() and plain.isprintable():
            hint = f"the plain letter '{plain}'" if plain.isalpha() else f"'{plain}'"
    if hint is None:
        if ch.isalpha():
            return f"Character {shown} is not allowed; names use the plain letters a-z"
        return f"Character {shown} is not allowed here"
    return f"Character {shown} is not allowed; type {hint} instead"


def first_foreign_letter(text: str) -> int | None:
    """Offset of the first letter outside ASCII (Cyrillic о, Greek α, 𝑥, ｘ, π), or None."""
    if text.isascii():
        return None
    return next((i for i, ch in enumerate(text) if ch > "\x7f" and ch.isalpha()), None)


def _is_digit(ch: str) -> bool:
    # str.isdigit() also accepts '²' and other Unicode digits, which float() refuses.
    return "0" <= ch <= "9"


def _scan_number(text: str, start: int) -> tuple[Token, int]:
    i, n = start, len(text)
    while i < n and _is_digit(text[i]):
        i += 1
    if i < n and text[i] == ".":
        i += 1
        while i < n and _is_digit(text[i]):
            i += 1
    mantissa_end = i
    if i < n and text[i] in "eE":
        j = i + 1
        if j < n and text[j] in "+-":
            j += 1
        if j < n and _is_digit(text[j]):
            while j < n and _is_digit(text[j]):
                j += 1
            i = j
        elif j > i + 1 or text[j:].lstrip(" ")[:1] in ("", "\n"):
            return _incomplete_number(text[start:j], text[start:mantissa_end], start, j), j
    literal = text[start:i]
    return _number_token(literal, start, i, text[start:mantissa_end]), i


def _incomplete_number(literal: str, mantissa: str, start: int, end: int) -> Token:
    """``1e`` at the end of a line or ``2e-x``: unfinished scientific notation, not a guess."""
    sign = literal[len(mantissa) + 1 :]
    letter = literal[len(mantissa)]
    if sign:
        message = (
            f"Incomplete number '{literal}': add exponent digits ({literal}3) "
            f"or write {mantissa}*{letter.lower()} {sign} … for {mantissa} times e"
        )
    else:
        message = (
            f"Incomplete number '{literal}': add exponent digits ({literal}3) "
            f"or write {mantissa}*{letter.lower()}"
        )
    return Token(ERROR, literal, start, end, message=message)


def _number_token(literal: str, start: int, end: int, mantissa: str) -> Token:
    digits = mantissa.replace(".", "")
    if len(digits) > MAX_NUMBER_DIGITS:
        message = f"Number has too many digits ({len(digits)}, max {MAX_NUMBER_DIGITS})"
        return Token(ERROR, literal, start, end, message=message)
    exponent_text = literal[len(mantissa) + 1 :]
    mantissa_is_zero = not digits.strip("0")
    if not mantissa_is_zero and len(exponent_text.lstrip("+-")) > 4:
        # Decided from the sign alone: float() would say inf or 0.0 for 1e100000000.
        too_small = exponent_text.startswith("-")
        return Token(ERROR, literal, start, end, message=_magnitude_message(too_small))
    value = float(literal)
    if value > MAX_NUMBER_MAGNITUDE:
        return Token(ERROR, literal, start, end, message=_magnitude_message(False))
    if value < MIN_NUMBER_MAGNITUDE and not mantissa_is_zero:
        return Token(ERROR, literal, start, end, message=_magnitude_message(True))
    return Token(NUMBER, literal, start, end, value=value)


def _magnitude_message(too_small: bool) -> str:
    if too_small:
        return "Number is too small (smallest allowed size is 1e-300)"
    return "Number is too large (largest allowed is 1e300)"


def _scan_operator(text: str, i: int, previous: Token | None) -> tuple[Token, int]:
    ch = text[i]
    following = text[i + 1] if i + 1 < len(text) else ""
    if ch == "*" and following == "*":
        return Token(OPERATOR, "^", i, i + 2), i + 2
    if ch == "/" and following == "/":
        message = "'//' (integer division) is not supported; use floor(a/b)"
        return Token(ERROR, "//", i, i + 2, message=message), i + 2
    if ch == "=" and following == "=":
        message = "'==' comparisons are not supported; type an expression such as x^2 - 1"
        return Token(ERROR, "==", i, i + 2, message=message), i + 2
    if ch == "!" and following == "=":
        message = "'!=' comparisons are not supported; type an expression such as x^2 - 1"
        return Token(ERROR, "!=", i, i + 2, message=message), i + 2
    if ch == "." and previous is not None and previous.end == i and previous.kind in (NAME, RPAREN):
        message = "'.' cannot follow a name: there is no attribute access in a formula"
        return Token(ERROR, ".", i, i + 1, message=message), i + 1
    if ch == ".":
        message = "A '.' must be part of a number, e.g. 0.5"
        return Token(ERROR, ".", i, i + 1, message=message), i + 1
    simple = {"(": LPAREN, ")": RPAREN, "|": BAR, ",": COMMA, "=": EQUALS}
    if ch in "+-*/^":
        return Token(OPERATOR, ch, i, i + 1), i + 1
    if ch in simple:
        return Token(simple[ch], ch, i, i + 1), i + 1
    if ch.isascii():
        message = _ASCII_MESSAGES.get(ch) or f"Character U+{ord(ch):04X} is not allowed here"
        return Token(ERROR, ch, i, i + 1, message=message), i + 1
    return Token(ERROR, ch, i, i + 1, message=unicode_message(ch)), i + 1


def tokenize(text: str, *, newlines: bool = False, max_tokens: int | None = None) -> list[Token]:
    """Tokens of already normalised text, ending with an ``END`` token.

    With ``newlines`` a line break is a ``NEWLINE`` token (programs); otherwise it is a space.
    Raises ``ExprError`` only when there are more than ``max_tokens`` tokens.
    """
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n":
            if newlines:
                tokens.append(Token(NEWLINE, ch, i, i + 1))
            i += 1
            continue
        if is_space(ch):
            i += 1
            continue
        if _is_digit(ch) or (ch == "." and i + 1 < n and _is_digit(text[i + 1])):
            token, i = _scan_number(text, i)
        elif ch.isascii() and ch.isalpha():
            j = i + 1
            while j < n and text[j].isascii() and (text[j].isalnum() or text[j] == "_"):
                j += 1
            token, i = Token(NAME, text[i:j], i, j), j
        else:
            token, i = _scan_operator(text, i, tokens[-1] if tokens else None)
        tokens.append(token)
        if max_tokens is not None and len(tokens) > max_tokens:
            raise ExprError(
                f"Expression has too many parts (more than {max_tokens} tokens)", token.start + 1
            )
    tokens.append(Token(END, "", n, n))
    return tokens
