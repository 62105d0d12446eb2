"""The keyed hash the load computes is the standard HMAC-SHA256 (tested against Python's hmac)."""

import pytest

from equality.errors import ConfigurationError
from equality.pseudonymise import KeyedHash, hmac_sha256_hex

KEY = b"a-test-key-that-is-long-enough"


@pytest.mark.parametrize("key", [KEY, b"k" * 100], ids=["short key", "key longer than a block"])
def test_the_keyed_hash_is_hmac_sha256(key):
    keyed_hash = KeyedHash.from_key(key)
    values = ["WM12345", "", "Zoë-ß-名", "WM12345"]
    assert [keyed_hash.hex(value) for value in values] == [hmac_sha256_hex(key, value) for value in values]


def test_a_different_key_gives_a_different_pseudonym():
    assert hmac_sha256_hex(KEY, "WM12345") != hmac_sha256_hex(KEY + b"x", "WM12345")


def test_a_short_key_is_refused():
    with pytest.raises(ConfigurationError, match="at least 16 bytes"):
        KeyedHash.from_key(b"short")
