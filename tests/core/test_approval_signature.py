"""Signed tool approvals, byte for byte as upstream: the reference vectors (computed with the
TypeScript implementation), tampering, key order, the legacy payload."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from ai_sdk._approval_signature import (
    canonical_json,
    sign_tool_approval,
    verify_tool_approval_signature,
)

SECRET = "test-secret-key-for-hmac-signing"
NESTED = {
    "value": "value",
    "n": 1.0,
    "f": 0.5,
    "big": 1e21,
    "u": "é",
    "nested": {"b": [1, {"z": True, "a": None}], "a": "x"},
}
VECTORS = [
    (
        ("approval-1", "call-1", "deleteFile"),
        {"path": "cache/data.json"},
        "UHDsaogwnes6SNl6SlgC3bHbh_wdt7BNmDiXrfTPDsQ",
        "rhAZIdI7VJ267yLfXfi7K1hoxXjvTJLecI27vJiVeKk",
    ),
    (
        ("id-1", "call-1", "tool1"),
        NESTED,
        "B5TqheANog1OoIBoRhikJQkaU1VssEAQneiwhowJdBQ",
        "ZDAVlUWiUqk6oGm-JgAUNkyL-8gyQxY0A2IViaImc5I",
    ),
]


def ids(approval_id: str, tool_call_id: str, tool_name: str) -> dict[str, str]:
    return {"approval_id": approval_id, "tool_call_id": tool_call_id, "tool_name": tool_name}


def test_canonical_json_is_javascripts() -> None:
    assert canonical_json(NESTED) == (
        '{"big":1e+21,"f":0.5,"n":1,"nested":{"a":"x","b":[1,{"a":null,"z":true}]},'
        '"u":"é","value":"value"}'
    )


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1.0, "1"),
        (-0.0, "0"),
        (100.0, "100"),
        (0.1, "0.1"),
        (1.5e-7, "1.5e-7"),
        (0.000001, "0.000001"),
        (1e16, "10000000000000000"),
        (1.25e20, "125000000000000000000"),
        (1e21, "1e+21"),
        (-2.5e22, "-2.5e+22"),
        (float("nan"), "null"),
        (12345678901234567890, "12345678901234567000"),  # as a double, as JavaScript has it
    ],
)
def test_numbers_are_written_as_json_stringify_does(number: float, text: str) -> None:
    assert canonical_json(number) == text


def test_keys_sort_by_utf16_code_units() -> None:
    # U+FF5E comes before U+1F600 by code point, after it in UTF-16 (whose D83D DE00 pair
    # sorts first): JavaScript sorts by UTF-16 code units.
    expected = '{"a":3,"\U0001f600":2,"\uff5e":1}'
    assert canonical_json({"\uff5e": 1, "\U0001f600": 2, "a": 3}) == expected


@pytest.mark.parametrize(("names", "tool_input", "signature", "legacy"), VECTORS)
def test_the_reference_vectors(
    names: tuple[str, str, str], tool_input: object, signature: str, legacy: str
) -> None:
    assert sign_tool_approval(SECRET, **ids(*names), tool_input=tool_input) == signature
    assert verify_tool_approval_signature(SECRET, signature, **ids(*names), tool_input=tool_input)
    assert verify_tool_approval_signature(SECRET, legacy, **ids(*names), tool_input=tool_input)
    assert verify_tool_approval_signature(
        SECRET.encode(), signature, **ids(*names), tool_input=tool_input
    )


def test_any_change_breaks_the_signature() -> None:
    names = ("approval-1", "call-1", "deleteFile")
    tool_input = {"path": "cache/data.json"}
    signature = sign_tool_approval(SECRET, **ids(*names), tool_input=tool_input)
    assert not verify_tool_approval_signature(
        SECRET, signature, **ids(*names), tool_input={"path": "/etc/passwd"}
    )
    for changed in (("approval-2", *names[1:]), (names[0], "call-2", names[2]), (*names[:2], "x")):
        assert not verify_tool_approval_signature(
            SECRET, signature, **ids(*changed), tool_input=tool_input
        )
    assert not verify_tool_approval_signature(
        "another-secret", signature, **ids(*names), tool_input=tool_input
    )
    assert not verify_tool_approval_signature(SECRET, "not base64!", **ids(*names), tool_input=1)
    # Key order does not matter; the standard base64 alphabet is accepted too.
    reordered = {"b": 1, "a": 2}
    signed = sign_tool_approval(SECRET, **ids(*names), tool_input={"a": 2, "b": 1})
    standard = signed.replace("-", "+").replace("_", "/")
    assert verify_tool_approval_signature(SECRET, standard, **ids(*names), tool_input=reordered)


def test_the_legacy_form_is_refused_when_an_id_has_a_newline() -> None:
    # "a\nb" + "c" and "a" + "b\nc" join to the same legacy payload, so a legacy signature
    # made for one would pass for the other: it is refused whenever an id has a newline.
    digest = base64.urlsafe_b64encode(hashlib.sha256(b"{}").digest()).rstrip(b"=").decode()
    payload = f"a\nb\nc\nt\n{digest}".encode()
    legacy = hmac.new(SECRET.encode(), payload, hashlib.sha256).digest()
    legacy_text = base64.urlsafe_b64encode(legacy).rstrip(b"=").decode()
    for names in (ids("a\nb", "c", "t"), ids("a", "b\nc", "t")):
        assert not verify_tool_approval_signature(SECRET, legacy_text, **names, tool_input={})
    # The v1 form keeps them apart.
    first = ids("a\nb", "c", "t")
    signature = sign_tool_approval(SECRET, **first, tool_input={})
    assert verify_tool_approval_signature(SECRET, signature, **first, tool_input={})
    assert not verify_tool_approval_signature(
        SECRET, signature, **ids("a", "b\nc", "t"), tool_input={}
    )


def test_integers_past_2_53_are_the_doubles_javascript_parsed() -> None:
    assert canonical_json(2**53 - 1) == "9007199254740991"
    assert canonical_json(2**53 + 1) == "9007199254740992"
    assert canonical_json(10**21) == "1e+21"
