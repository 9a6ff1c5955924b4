"""Signed tool approvals: an HMAC that binds an approval to one tool call and its exact input.

With a secret, the server signs each approval request it sends to a client; the client must
send the signature back with its answer, so it can neither forge an approval nor change the
tool's input between request and approval. The byte layout is upstream's (so a TypeScript and
a Python server accept each other's signatures):

- the input's digest is SHA-256 over its canonical JSON (`canonical_json`), base64url without
  padding;
- the signature is HMAC-SHA256 over the JSON array ``["ai-sdk-tool-approval-v1", approval_id,
  tool_call_id, tool_name, digest]``, base64url without padding;
- a signature over the older newline-joined form is still accepted where no id contains a
  newline (upstream accepts it until v8).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
import re
from decimal import Decimal
from typing import Any, cast

__all__ = ["canonical_json", "sign_tool_approval", "verify_tool_approval_signature"]

_VERSION = "ai-sdk-tool-approval-v1"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _js_number(value: float) -> str:
    """``value`` as JavaScript's ``Number.prototype.toString`` writes it (ECMA-262
    Number::toString: shortest round-trip digits, exponent form below 1e-6 and from 1e21)."""
    if math.isnan(value) or math.isinf(value):
        return "null"  # as JSON.stringify
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    digits_tuple = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, digits_tuple.digits))
    k = len(digits)
    n = cast("int", digits_tuple.exponent) + k
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = f"{digits[:n]}.{digits[n:]}"
    elif -6 < n <= 0:
        text = "0." + "0" * -n + digits
    else:
        exponent = n - 1
        mantissa = digits if k == 1 else f"{digits[0]}.{digits[1:]}"
        text = f"{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent)}"
    return sign + text


def _js_string(value: str) -> str:
    text = json.dumps(value, ensure_ascii=False)
    # JSON.stringify escapes a lone surrogate; Python would write it raw (not valid UTF-8).
    return _LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def canonical_json(value: object) -> str:
    """The canonical JSON of a JSON value: object keys sorted (by UTF-16 code units, as
    JavaScript sorts), no whitespace, numbers and strings written as ``JSON.stringify`` does.

    Raises:
        TypeError: ``value`` holds something JSON cannot express.
    """
    if value is None or value is True or value is False:
        return json.dumps(value)
    if isinstance(value, int):
        # JavaScript parsed the input into doubles: integers past 2**53 are rounded there.
        return str(value) if abs(value) < 2**53 else _js_number(float(value))
    if isinstance(value, float):
        return _js_number(value)
    if isinstance(value, str):
        return _js_string(value)
    if isinstance(value, list | tuple):
        return "[" + ",".join(canonical_json(item) for item in cast("list[Any]", value)) + "]"
    if isinstance(value, dict):
        items = cast("dict[Any, Any]", value)
        if not all(isinstance(key, str) for key in items):
            raise TypeError("canonical JSON needs string object keys")
        keys = sorted(items, key=lambda key: cast("str", key).encode("utf-16-be", "surrogatepass"))
        return "{" + ",".join(f"{_js_string(k)}:{canonical_json(items[k])}" for k in keys) + "}"
    raise TypeError(f"canonical JSON cannot express a {type(value).__name__}")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _key(secret: str | bytes) -> bytes:
    return secret.encode("utf-8") if isinstance(secret, str) else secret


def _digest(tool_input: object) -> str:
    return _b64url(hashlib.sha256(canonical_json(tool_input).encode("utf-8")).digest())


def _mac(key: bytes, payload: str) -> bytes:
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).digest()


def sign_tool_approval(
    secret: str | bytes,
    *,
    approval_id: str,
    tool_call_id: str,
    tool_name: str,
    tool_input: object,
) -> str:
    """The signature of one approval request (base64url, no padding).

    ``tool_input`` is the call's input as JSON (a dict, as the model sent it parsed).
    """
    fields = [_VERSION, approval_id, tool_call_id, tool_name, _digest(tool_input)]
    return _b64url(_mac(_key(secret), _js_string_array(fields)))


def _js_string_array(items: list[str]) -> str:
    return "[" + ",".join(_js_string(item) for item in items) + "]"


def _decode(signature: str) -> bytes | None:
    text = signature.strip().replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def verify_tool_approval_signature(
    secret: str | bytes,
    signature: str,
    *,
    approval_id: str,
    tool_call_id: str,
    tool_name: str,
    tool_input: object,
) -> bool:
    """Whether ``signature`` (base64 or base64url) signs exactly this approval and input.

    Compared in constant time; the legacy newline-joined payload is accepted only when none of
    the three ids contains a newline.
    """
    given = _decode(signature)
    if given is None:
        return False
    key = _key(secret)
    digest = _digest(tool_input)
    expected = _mac(key, _js_string_array([_VERSION, approval_id, tool_call_id, tool_name, digest]))
    if hmac.compare_digest(given, expected):
        return True
    ids = (approval_id, tool_call_id, tool_name)
    if any("\n" in part for part in ids):
        return False
    legacy = _mac(key, "\n".join((*ids, digest)))
    return hmac.compare_digest(given, legacy)
