"""Short random ids for responses, tool calls and messages (unique, not secret)."""

from __future__ import annotations

import random
from collections.abc import Callable

from ai_sdk.provider._errors import InvalidArgumentError

__all__ = ["DEFAULT_ID_ALPHABET", "IdGenerator", "create_id_generator", "generate_id"]

DEFAULT_ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
"""Digits and ASCII letters: 62 symbols, about 95 bits in the default 16 characters."""

IdGenerator = Callable[[], str]
"""A function returning a new id on each call."""

# A private generator seeded from the OS: ids must not repeat when user code seeds `random`
# (tests often do), and they are not secrets, so the slower `secrets` is not needed.
_random = random.Random()


def create_id_generator(
    *,
    prefix: str | None = None,
    size: int = 16,
    alphabet: str = DEFAULT_ID_ALPHABET,
    separator: str = "-",
) -> IdGenerator:
    """Build an id generator: ``<prefix><separator><size random characters>``, or just the
    random part without a prefix.

    Args:
        prefix: e.g. ``"call"`` for ``call-1bX...``.
        size: length of the random part.
        alphabet: characters to draw from.
        separator: between prefix and random part.

    Raises:
        InvalidArgumentError: ``size`` is not positive, the alphabet is empty, or (with a prefix)
            the separator occurs in the alphabet, which would make ids ambiguous to split.
    """
    if size < 1:
        raise InvalidArgumentError(f"size must be at least 1, got {size}.", argument="size")
    if not alphabet:
        raise InvalidArgumentError("The alphabet must not be empty.", argument="alphabet")
    generate = _random_string(alphabet, size)

    if prefix is None:
        return generate
    if separator and separator in alphabet:
        raise InvalidArgumentError(
            f'The separator "{separator}" must not be part of the alphabet "{alphabet}".',
            argument="separator",
        )
    head = f"{prefix}{separator}"

    def generate_prefixed() -> str:
        return head + generate()

    return generate_prefixed


def _random_string(alphabet: str, size: int) -> IdGenerator:
    if len(alphabet) > 256 or not alphabet.isascii():
        symbols = list(alphabet)
        choices = _random.choices
        return lambda: "".join(choices(symbols, k=size))
    # Random bytes mapped onto the alphabet by a translation table, several times cheaper than
    # `random.choices` (an id is made for every call). When 256 is
    # not a multiple of the alphabet's length the first symbols are slightly likelier (for 62:
    # 5/256 instead of 4/256), which costs under 0.1 bit of the default id's 95.
    table = bytes((alphabet * (256 // len(alphabet) + 1))[:256], "ascii")
    bits = 8 * size
    getrandbits = _random.getrandbits
    return lambda: getrandbits(bits).to_bytes(size, "little").translate(table).decode("ascii")


generate_id: IdGenerator = create_id_generator()
"""A new 16-character alphanumeric id on each call."""
