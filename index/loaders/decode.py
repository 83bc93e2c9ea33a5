"""Bytes to text: UTF-8 (BOM allowed; UTF-16 with a BOM), else a declared charset, else cp1252.

Bytes that decode to control-character garbage are rejected as binary, never mojibake;
UTF-8 that was once decoded as cp1252 and saved again is repaired, with a warning.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from index.errors import LoadError

_SNIFF_BYTES = 8192
_GARBAGE_RATIO = 0.01  # share of control characters above which decoded text is "binary"

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]|\u00e2\u20ac"
)


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[: _SNIFF_BYTES * 4]
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return bad / len(sample) > _GARBAGE_RATIO


def decode_bytes(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode file bytes by the rules in the module docstring; raise ``LoadError`` for binary data."""
    warnings: list[str] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise LoadError(name, "binary file: invalid UTF-16") from exc
    else:
        if b"\x00" in data[:_SNIFF_BYTES]:
            raise LoadError(name, "binary file (NUL bytes), not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
            declared = _declared_charset(data)
            if declared and declared != "utf-8":
                try:
                    text = data.decode(declared)
                except UnicodeDecodeError:
                    warnings.append(f"{name}: declared charset {declared} does not fit the bytes")
            if text is None:
                try:
                    text = data.decode("cp1252")
                except UnicodeDecodeError as exc:
                    raise LoadError(name, "binary or undecodable file: not UTF-8 and not cp1252") from exc
                warnings.append(f"{name}: not UTF-8 and no charset declared; decoded as cp1252")
        else:
            text = _repair_mojibake(text, name, warnings)
    if _looks_binary(text):
        raise LoadError(name, "binary file (control characters), not text")
    return text, warnings


def _sloppy_cp1252(text: str) -> bytes:
    """cp1252 encoding that maps its five undefined bytes to themselves, as Windows tools do."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise
            out.append(ord(ch))
    return bytes(out)


def _repair_mojibake(text: str, name: str, warnings: list[str]) -> str:
    """Undo UTF-8 that was once decoded as cp1252 and saved again (e.g. 'cafÃ©')."""
    if not _MOJIBAKE.search(text):
        return text
    try:
        fixed = _sloppy_cp1252(text).decode("utf-8")
    except UnicodeError:
        warnings.append(f"{name}: text looks double-encoded (mojibake) and could not be repaired")
        return text
    warnings.append(f"{name}: repaired double-encoded UTF-8 (mojibake)")
    return fixed


__all__ = ["decode_bytes"]
