"""A language folder's JSON files checked against their schemas (``kg/lang/schemas/*.schema.json``).

The schemas are JSON Schema (draft 2020-12). kg checks them with the small subset of the standard they
use (``type``, ``enum``, ``properties``, ``required``, ``additionalProperties``, ``patternProperties``,
``items``, ``prefixItems``, ``minItems``, ``maxItems``, ``minimum``, ``oneOf``, local ``$ref``), so kg
needs no validator library; ``tests/test_lang_schema.py`` checks that a full validator agrees.

Every key is required and no other key is allowed (keys starting with ``_`` are comments): a misspelt
key is an error naming the file, not a rule silently turned off.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

SCHEMAS = Path(__file__).resolve().parent / "schemas"
FILES = ("lang.json", "time.json", "syntax.json")

_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
}


class LangDataError(ValueError):
    """A language file that does not follow its schema; the message names the file and the key."""


@cache
def schema(name: str) -> dict:
    """The schema of ``name`` (``lang.json``, ``time.json`` or ``syntax.json``)."""
    return json.loads((SCHEMAS / name.replace(".json", ".schema.json")).read_text(encoding="utf-8"))


def problems(value, node: dict, root: dict, where: str = "") -> list[str]:
    """What is wrong with ``value`` under the schema ``node`` (empty when it is valid)."""
    if "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/$defs/"):
            raise ValueError(f"unsupported $ref {ref!r}")
        node = root["$defs"][ref.removeprefix("#/$defs/")]
    here = where or "top level"
    if "oneOf" in node:
        if sum(not problems(value, sub, root, where) for sub in node["oneOf"]) != 1:
            return [f"{here}: {value!r} matches none of the allowed forms"]
        return []
    if "enum" in node and value not in node["enum"]:
        return [f"{here}: {value!r} is not one of {', '.join(map(repr, node['enum']))}"]
    kind = node.get("type")
    if kind is not None and not _is(value, kind):
        return [f"{here}: expected {kind}, found {type(value).__name__} {value!r}"[:200]]
    out: list[str] = []
    if isinstance(value, dict):
        props = node.get("properties", {})
        for key in node.get("required", []):
            if key not in value:
                out.append(f"{_join(where, key)}: missing key")
        patterns = node.get("patternProperties", {})
        extra = node.get("additionalProperties", True)
        for key, item in value.items():
            if key in props:
                out += problems(item, props[key], root, _join(where, key))
            elif any(re.search(p, key) for p in patterns):
                out += [x for p, sub in patterns.items() if re.search(p, key) for x in problems(item, sub, root, _join(where, key))]
            elif extra is False:
                out.append(f"{_join(where, key)}: unknown key")
            elif isinstance(extra, dict):
                out += problems(item, extra, root, _join(where, key))
    if isinstance(value, list):
        if len(value) < node.get("minItems", 0) or len(value) > node.get("maxItems", len(value)):
            out.append(f"{here}: {len(value)} items")
        prefix = node.get("prefixItems", [])
        for i, item in enumerate(value):
            sub = prefix[i] if i < len(prefix) else node.get("items", True)
            if sub is False:
                out.append(f"{here}[{i}]: not allowed")
            elif isinstance(sub, dict):
                out += problems(item, sub, root, f"{here}[{i}]")
    if "minimum" in node and isinstance(value, int) and value < node["minimum"]:
        out.append(f"{here}: {value} is below {node['minimum']}")
    return out


def validate(data, name: str, path: Path | str) -> dict:
    """``data`` if it follows the schema of ``name``; else :class:`LangDataError` naming ``path``."""
    found = problems(data, schema(name), schema(name))
    if found:
        more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
        raise LangDataError(f"{path}: " + "; ".join(found[:3]) + more)
    return data


def load(path: Path) -> dict:
    """Read and check one language file (its schema is chosen by the file's name)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LangDataError(f"{path}: missing (every language folder has {', '.join(FILES)})") from None
    except json.JSONDecodeError as exc:
        raise LangDataError(f"{path}: malformed JSON ({exc.msg}, line {exc.lineno})") from None
    return validate(data, path.name, path)


def _is(value, kind) -> bool:
    if isinstance(kind, list):
        return any(_is(value, k) for k in kind)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, _TYPES[kind])


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
