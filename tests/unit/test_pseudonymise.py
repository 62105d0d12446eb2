"""The keyed hash computed in PostgreSQL is the standard HMAC-SHA256 (tested against Python's hmac)."""

import pytest

from equality.errors import ConfigurationError
from equality.pseudonymise import KeyedHash, hmac_sha256_hex
from equality.warehouse import connect

KEY = b"a-test-key-that-is-long-enough"


@pytest.mark.parametrize("key", [KEY, b"k" * 100], ids=["short key", "key longer than a block"])
def test_sql_hmac_equals_python_hmac(warehouse_url, key):
    keyed_hash = KeyedHash.from_key(key)
    with connect(warehouse_url) as conn:
        values = ["WM12345", "", "Zoë-ß-名"]
        hashed = [conn.execute(f"select {keyed_hash.sql('%(value)s::text')}",
                               keyed_hash.parameters | {"value": value}).fetchone()[0] for value in values]
    assert hashed == [hmac_sha256_hex(key, value) for value in values]


def test_a_different_key_gives_a_different_pseudonym():
    assert hmac_sha256_hex(KEY, "WM12345") != hmac_sha256_hex(KEY + b"x", "WM12345")


def test_a_short_key_is_refused():
    with pytest.raises(ConfigurationError, match="at least 16 bytes"):
        KeyedHash.from_key(b"short")
