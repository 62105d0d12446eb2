"""Keyed hashing of identifiers (HMAC-SHA256), computed set-based inside PostgreSQL.

PostgreSQL has sha256() built in but not HMAC (that needs pgcrypto, which not every server has). HMAC is
two nested hashes over the key padded to the block size and XORed with fixed pads (RFC 2104); the padded
keys are computed here and passed as query parameters, so the key itself is never stored or logged.
``hmac_sha256_hex`` is the same function in Python, for tests and for joining a known identifier.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from equality.errors import ConfigurationError

BLOCK_SIZE = 64  # SHA-256 block size in bytes


@dataclass(frozen=True)
class KeyedHash:
    inner_pad: bytes
    outer_pad: bytes

    @classmethod
    def from_key(cls, key: bytes) -> "KeyedHash":
        if len(key) < 16:
            raise ConfigurationError("the pseudonymisation key must be at least 16 bytes long")
        if len(key) > BLOCK_SIZE:
            key = hashlib.sha256(key).digest()
        key = key.ljust(BLOCK_SIZE, b"\0")
        return cls(bytes(byte ^ 0x36 for byte in key), bytes(byte ^ 0x5C for byte in key))

    def sql(self, expression: str) -> str:
        """SQL computing the hex HMAC of a text expression; binds %(hmac_inner)s and %(hmac_outer)s."""
        return ("encode(sha256(%(hmac_outer)s::bytea || sha256(%(hmac_inner)s::bytea || "
                f"convert_to({expression}, 'UTF8'))), 'hex')")

    @property
    def parameters(self) -> dict[str, bytes]:
        return {"hmac_inner": self.inner_pad, "hmac_outer": self.outer_pad}


def hmac_sha256_hex(key: bytes, value: str) -> str:
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()
