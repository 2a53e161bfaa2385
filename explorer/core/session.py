"""Session files (.calcx): what the user typed and set, saved as versioned JSON and read strictly.

A session holds source text and settings only (never pickles or generated code): the f(x) text,
the slider parameters, the current tab and each panel's state dataclass (``core.panel_state``).
Reading refuses, with a message a learner understands, anything that is not plainly ours:
non-regular files, files over ``MAX_BYTES``, non-UTF-8 bytes, damaged JSON (with its line and
column), NaN/Infinity, duplicate keys, numbers beyond ``NUMBER_LIMIT``, a newer version. Smaller
problems inside a panel's state (a wrong type, an unknown key from a newer app) are warnings:
the field keeps its default, and unknown keys are kept so saving again does not lose them.
Older versions are migrated in memory; ``migrated_from`` tells the caller to keep a backup.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from explorer.core.files import write_atomically
from explorer.core.panel_state import StateError, state_from_dict, state_to_dict

FORMAT = "calc-explorer-session"
VERSION = 2
SUFFIX = ".calcx"
MAX_BYTES = 5 * 2**20
MAX_PANELS = 50
MAX_PARAMETERS = 52
MAX_TEXT = 100_000  # characters in any one string (a program in the Graph tab is the longest)
NUMBER_LIMIT = 1e15

State = TypeVar("State")


class SessionError(Exception):
    """A session file that cannot be opened or saved; ``str()`` is the message for the user."""


@dataclass
class Session:
    """A session in memory. ``panels`` maps a panel's title to its saved state as JSON values."""

    expression: str = ""
    # A name for the session itself (File ▸ Open Example lists shipped sessions by it).
    title: str = ""
    parameters: dict[str, float] = field(default_factory=dict)
    tab: str = ""
    panels: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Top-level keys a newer app wrote: kept, so saving with this app does not drop them.
    extras: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    migrated_from: int | None = None


# ----- reading ----------------------------------------------------------------------------------


def read_session(path: str | os.PathLike[str]) -> Session:
    """Read and check a session file; raises ``SessionError``. The file is never modified."""
    data = _read_bytes(Path(path))
    return session_from_json(data)


def session_from_json(data: bytes) -> Session:
    """Parse the bytes of a session file (see ``read_session``)."""
    document = _decode(data)
    if not isinstance(document, dict):
        raise SessionError("This is not a Calculus Explorer session (it is not a JSON object).")
    version = _check_format(document)
    warnings: list[str] = []
    migrated_from = None
    if version < VERSION:
        document = migrate(document, version)
        migrated_from = version
        warnings.append(
            f"This session was saved in an older format (version {version}); it was updated. "
            f"Saving keeps a copy of the original beside it."
        )
    session = _session_from_document(document, warnings)
    session.migrated_from = migrated_from
    return session


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise SessionError(f"'{path.name}' is not a file that can be opened as a session.")
        if info.st_size == 0:
            raise SessionError(
                f"'{path.name}' is empty: it holds no session (perhaps a save was interrupted)."
            )
        if info.st_size > MAX_BYTES:
            raise SessionError(
                f"'{path.name}' is {info.st_size / 2**20:.1f} MB; a session file is at most "
                f"{MAX_BYTES // 2**20} MB, so this is not one."
            )
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise SessionError(f"'{path.name}' no longer exists.") from None
    except PermissionError:
        raise SessionError(f"'{path.name}' cannot be read (permission denied).") from None
    except IsADirectoryError:
        raise SessionError(f"'{path.name}' is a folder, not a session file.") from None
    except OSError as error:
        raise SessionError(f"'{path.name}' cannot be read: {error.strerror or error}.") from None


def _decode(data: bytes) -> Any:
    if len(data) > MAX_BYTES:
        raise SessionError(f"A session file is at most {MAX_BYTES // 2**20} MB; this is larger.")
    if not data.strip():
        raise SessionError("The file is empty: it holds no session.")
    if data.lstrip()[:1] != b"{":
        raise SessionError("This is not a Calculus Explorer session (it is not JSON text).")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SessionError(
            "This is not a Calculus Explorer session (it is not UTF-8 text)."
        ) from None
    try:
        return json.loads(
            text,
            object_pairs_hook=_refuse_duplicate_keys,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as error:
        raise SessionError(
            f"The file is damaged (line {error.lineno}, column {error.colno}): {error.msg}. "
            "Nothing was changed."
        ) from None
    except _Refused as error:
        raise SessionError(str(error)) from None
    except (ValueError, RecursionError):
        raise SessionError("The file is damaged: it holds a value that cannot be read.") from None


class _Refused(Exception):
    pass


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Refused(
                f"The file names '{key}' twice in one place, so it is ambiguous; it was not opened."
            )
        result[key] = value
    return result


def _refuse_constant(name: str) -> float:
    raise _Refused(f"The file holds {name}, which is not a number a session can contain.")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > NUMBER_LIMIT:
        raise _Refused(f"The file holds the number {text[:20]}…, beyond what a session can hold.")
    return value


def _bounded_int(text: str) -> int:
    # Checked on the text: Python refuses to convert more than 4300 digits at all.
    if len(text.lstrip("-")) > 16 or abs(int(text)) > NUMBER_LIMIT:
        raise _Refused(f"The file holds the number {text[:20]}…, beyond what a session can hold.")
    return int(text)


def _check_format(document: dict[str, Any]) -> int:
    if "format" not in document or "version" not in document:
        raise SessionError(
            "This is not a Calculus Explorer session (it has no 'format' and 'version')."
        )
    if document["format"] != FORMAT:
        raise SessionError(
            f"This is not a Calculus Explorer session (format {document['format']!r})."
        )
    version = document["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise SessionError(f"$.version: expected a whole number, got {version!r}.")
    if version > VERSION:
        raise SessionError(
            f"Saved by a newer version of Calculus Explorer (format {version}; this app reads up "
            f"to {VERSION}). Update the app to open it; the file was not changed."
        )
    if version < 1:
        raise SessionError(f"$.version: {version} is not a session format version.")
    return version


# ----- migrations -------------------------------------------------------------------------------


def migrate(document: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring an older document up to ``VERSION``, one version at a time."""
    while version < VERSION:
        document = MIGRATIONS[version](document)
        version += 1
    return document


def _from_version_1(document: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept one expression with its x-range and x₀ at the top level."""
    window = {"expression": document.get("expression", "")}
    panels = []
    if "x_range" in document:
        panels.append({"panel": "Function", "state": {"x_range": document["x_range"]}})
    derivative = {key: document[key] for key in ("x_range", "x0") if key in document}
    if derivative:
        panels.append({"panel": "Derivative", "state": derivative})
    known = {"format", "version", "expression", "x_range", "x0"}
    extras = {key: value for key, value in document.items() if key not in known}
    return {"format": FORMAT, "version": 2, "window": window, "panels": panels, **extras}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _from_version_1}


# ----- the current layout -----------------------------------------------------------------------


def _session_from_document(document: dict[str, Any], warnings: list[str]) -> Session:
    window = document.get("window", {})
    if not isinstance(window, dict):
        raise SessionError(f"$.window: expected an object, got {_kind(window)}.")
    session = Session(warnings=warnings)
    session.expression = _text(window.get("expression", ""), "$.window.expression")
    session.title = _clean(_text(document.get("title", ""), "$.title"), warnings, "$.title")
    session.tab = _text(window.get("tab", ""), "$.window.tab")
    session.parameters = _parameters(window.get("parameters", {}), warnings)
    panels = document.get("panels", [])
    if not isinstance(panels, list):
        raise SessionError(f"$.panels: expected a list, got {_kind(panels)}.")
    if len(panels) > MAX_PANELS:
        raise SessionError(f"$.panels: {len(panels)} panels; a session has at most {MAX_PANELS}.")
    for index, entry in enumerate(panels):
        path = f"$.panels[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("panel"), str):
            raise SessionError(f"{path}: expected an object with the panel's name.")
        state = entry.get("state", {})
        if not isinstance(state, dict):
            raise SessionError(f"{path}.state: expected an object, got {_kind(state)}.")
        session.panels[_clean(entry["panel"], warnings, f"{path}.panel")] = {
            key: _clean(value, warnings, f"{path}.state.{key}") for key, value in state.items()
        }
    known = {"format", "version", "title", "window", "panels"}
    session.extras = {key: value for key, value in document.items() if key not in known}
    session.expression = _clean(session.expression, warnings, "$.window.expression")
    return session


def _text(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise SessionError(f"{path}: expected text, got {_kind(value)}.")
    if len(value) > MAX_TEXT:
        raise SessionError(f"{path}: {len(value)} characters; at most {MAX_TEXT}.")
    return value


def _parameters(value: object, warnings: list[str]) -> dict[str, float]:
    if not isinstance(value, dict):
        raise SessionError(f"$.window.parameters: expected an object, got {_kind(value)}.")
    if len(value) > MAX_PARAMETERS:
        raise SessionError(f"$.window.parameters: at most {MAX_PARAMETERS} parameters.")
    parameters = {}
    for name, number in value.items():
        if isinstance(number, bool) or not isinstance(number, int | float):
            warnings.append(f"$.window.parameters.{name}: expected a number; it starts at 1.")
            continue
        parameters[name] = float(number)
    return parameters


def _clean(value: Any, warnings: list[str], path: str) -> Any:
    """Replace lone surrogates (JSON accepts them; writing UTF-8 later would fail)."""
    if isinstance(value, str):
        cleaned = value.encode("utf-8", "replace").decode("utf-8")
        if cleaned != value:
            warnings.append(f"{path}: a broken character was replaced by '?'.")
        if len(cleaned) > MAX_TEXT:
            raise SessionError(f"{path}: {len(cleaned)} characters; at most {MAX_TEXT}.")
        return cleaned
    if isinstance(value, list):
        return [_clean(item, warnings, f"{path}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, dict):
        return {key: _clean(item, warnings, f"{path}.{key}") for key, item in value.items()}
    return value


def _kind(value: object) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), "a number" if isinstance(value, int | float) else "null"
    )


# ----- panel states -----------------------------------------------------------------------------


def panel_state(session: Session, title: str, cls: type[State]) -> State | None:
    """The saved state of panel ``title`` as a ``cls``, or None when the session has none.

    Field by field: a value of the wrong type or out of range gets a warning and keeps its
    default; keys this app does not know are left in ``session.panels`` for the next save.
    """
    saved = session.panels.get(title)
    if saved is None:
        return None
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    good: dict[str, Any] = {}
    for key, value in saved.items():
        if key not in names:
            continue
        try:
            state_from_dict(cls, {key: value}, f"$.panels.{title}")
        except StateError as error:
            session.warnings.append(f"{error}; it keeps its default.")
            continue
        good[key] = value
    try:
        return state_from_dict(cls, good, f"$.panels.{title}")
    except StateError as error:
        session.warnings.append(f"{error}; the {title} panel starts with its defaults.")
        return cls()


def store_panel_state(session: Session, title: str, state: Any) -> None:
    """Put a panel's current state into ``session``, keeping keys a newer app saved there."""
    previous = session.panels.get(title, {})
    names = {f.name for f in dataclasses.fields(state)}
    kept = {key: value for key, value in previous.items() if key not in names}
    session.panels[title] = {**kept, **state_to_dict(state)}


# ----- writing ----------------------------------------------------------------------------------


def session_to_json(session: Session) -> bytes:
    """The file's bytes: the current version, keys in a stable order, UTF-8."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        **({"title": session.title} if session.title else {}),
        "window": {
            "expression": session.expression,
            "parameters": dict(session.parameters),
            "tab": session.tab,
        },
        "panels": [{"panel": title, "state": state} for title, state in session.panels.items()],
    }
    for key, value in session.extras.items():
        document.setdefault(key, value)
    return (json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode()


def write_session(path: str | os.PathLike[str], session: Session) -> Path:
    """Save atomically; a migrated session first keeps the original as ``name.vN.bak``."""
    path = Path(path)
    data = session_to_json(session)
    try:
        if session.migrated_from is not None and path.is_file():
            backup = path.with_name(f"{path.name}.v{session.migrated_from}.bak")
            if not backup.exists():
                write_atomically(backup, path.read_bytes())
        write_atomically(path, data)
    except OSError as error:
        raise SessionError(
            f"Could not save '{path.name}': {error.strerror or error}. "
            "The file on disk was not changed."
        ) from None
    session.migrated_from = None
    return path
