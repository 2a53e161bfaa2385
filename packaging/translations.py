"""Keep the Qt Linguist catalogues in step with the code: list every translatable string.

    python packaging/translations.py          rewrite explorer/resources/translations/*.ts
    python packaging/translations.py --check  list strings without a translation; exit 1 if any
    python packaging/translations.py --qm DIR compile each .ts to DIR/<code>.qm (pyside6-lrelease)

A translatable string is the first string literal of a call on a module-level
``explorer.ui.i18n.Context`` (``T = Context("Name")`` then ``T("…")``, ``T.text(label, "…")``,
``T.mark("…")`` …). Existing translations are kept; a new string is added unfinished; a string
no longer in the code is dropped. Translators can open the .ts in Qt Linguist.

The .ts files are the only catalogues in the repository. The standalone build compiles them with
``pyside6-lrelease`` (``--qm``, run by ``packaging/calculus-explorer.spec``) and ships the .qm
beside each .ts; a checkout reads the .ts itself (``explorer.ui.i18n``).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "explorer"
TRANSLATIONS = PACKAGE / "resources" / "translations"
LANGUAGES = {"zh": "zh_CN"}


@dataclass
class Message:
    context: str
    source: str
    locations: list[tuple[str, int]] = field(default_factory=list)


def _context_names(tree: ast.Module) -> dict[str, str]:
    """{variable: context name} for module-level ``NAME = Context("…")`` assignments."""
    names = {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
            continue
        call = node.value
        callee = call.func.attr if isinstance(call.func, ast.Attribute) else None
        callee = call.func.id if isinstance(call.func, ast.Name) else callee
        if callee != "Context" or not call.args or not isinstance(call.args[0], ast.Constant):
            continue
        for target in node.targets:
            if isinstance(target, ast.Name):
                names[target.id] = call.args[0].value
    return names


def _receiver(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name):
        return call.func.value.id
    return None


def strings_in(path: Path, package: Path = PACKAGE) -> list[Message]:
    """The translatable strings of one module, in source order."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    contexts = _context_names(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _receiver(node) not in contexts:
            continue
        literal = next(
            (a for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)),
            None,
        )
        if literal is not None:
            relative = path.relative_to(package).as_posix()
            found.append(
                Message(contexts[_receiver(node)], literal.value, [(relative, node.lineno)])
            )
    return sorted(found, key=lambda m: m.locations[0][1])


def all_strings(package: Path = PACKAGE) -> dict[tuple[str, str], Message]:
    """Every translatable string of the package, merged by (context, source)."""
    merged: dict[tuple[str, str], Message] = {}
    for path in sorted(package.rglob("*.py")):
        for message in strings_in(path, package):
            key = (message.context, message.source)
            if key in merged:
                merged[key].locations += message.locations
            else:
                merged[key] = message
    return merged


def translations(ts: Path) -> dict[tuple[str, str], str]:
    """{(context, source): translation} of the finished entries of ``ts``."""
    if not ts.exists():
        return {}
    done = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                done[(name, message.findtext("source") or "")] = translation.text
    return done


def untranslated(ts: Path, package: Path = PACKAGE) -> list[tuple[str, str]]:
    """(context, source) of every string in the code without a translation in ``ts``."""
    done = translations(ts)
    return [key for key in all_strings(package) if key not in done]


def write_ts(ts: Path, language: str, messages: dict[tuple[str, str], Message]) -> None:
    """Write ``messages`` to ``ts``, keeping the translations it already has."""
    done = translations(ts)
    root = ElementTree.Element("TS", version="2.1", language=language)
    by_context: dict[str, list[Message]] = {}
    for message in messages.values():
        by_context.setdefault(message.context, []).append(message)
    for name in sorted(by_context):
        context = ElementTree.SubElement(root, "context")
        ElementTree.SubElement(context, "name").text = name
        for message in by_context[name]:
            element = ElementTree.SubElement(context, "message")
            for filename, line in message.locations:
                ElementTree.SubElement(
                    element, "location", filename=f"../../{filename}", line=str(line)
                )
            ElementTree.SubElement(element, "source").text = message.source
            translation = ElementTree.SubElement(element, "translation")
            text = done.get((message.context, message.source))
            if text:
                translation.text = text
            else:
                translation.set("type", "unfinished")
    ElementTree.indent(root, "    ")
    body = ElementTree.tostring(root, encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def lrelease() -> str:
    """The ``pyside6-lrelease`` of the Python running this (its venv's), else the one on PATH."""
    scripts = Path(sys.executable).parent
    found = shutil.which("pyside6-lrelease", path=str(scripts)) or shutil.which("pyside6-lrelease")
    if found is None:
        raise FileNotFoundError("pyside6-lrelease not found (it comes with PySide6)")
    return found


def compile_catalogues(out_dir: Path, sources: Path = TRANSLATIONS) -> list[Path]:
    """Compile every ``<code>.ts`` of ``sources`` to ``out_dir/<code>.qm``; the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(sources.glob("*.ts")):
        qm = out_dir / f"{ts.stem}.qm"
        done = subprocess.run(
            [lrelease(), str(ts), "-qm", str(qm)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0 or not qm.is_file():
            raise RuntimeError(f"pyside6-lrelease failed on {ts.name}:\n{done.stdout}{done.stderr}")
        written.append(qm)
    return written


def main(argv: list[str]) -> int:
    if "--qm" in argv:
        out_dir = Path(argv[argv.index("--qm") + 1])
        for qm in compile_catalogues(out_dir):
            print(f"wrote {qm}")
        return 0
    if "--check" in argv:
        missing = [
            (code, key) for code in LANGUAGES for key in untranslated(TRANSLATIONS / f"{code}.ts")
        ]
        for code, (context, source) in missing:
            print(f"{code}: [{context}] {source!r}")
        return 1 if missing else 0
    messages = all_strings()
    for code, language in LANGUAGES.items():
        write_ts(TRANSLATIONS / f"{code}.ts", language, messages)
    print(f"{len(messages)} strings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
