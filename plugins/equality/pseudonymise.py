"""Keyed hashing of identifiers (HMAC-SHA256), computed once per distinct value of a delivered file.

HMAC is two nested hashes over the key padded to the block size and XORed with fixed pads (RFC 2104). The
padded keys are hashed once (``KeyedHash.from_key``) and each value continues from copies of those hashes, which
is what ``hmac`` does per call, without building the pads again for every value. The key itself is never stored
or logged; ``hmac_sha256_hex`` is the standard library's HMAC, for tests and for joining a known identifier.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from equality.errors import ConfigurationError

BLOCK_SIZE = 64  # SHA-256 block size in bytes


@dataclass(frozen=True)
class KeyedHash:
    inner: "hashlib._Hash"  # SHA-256 state after the inner padded key
    outer: "hashlib._Hash"  # SHA-256 state after the outer padded key

    @classmethod
    def from_key(cls, key: bytes) -> "KeyedHash":
        if len(key) < 16:
            raise ConfigurationError("the pseudonymisation key must be at least 16 bytes long")
        if len(key) > BLOCK_SIZE:
            key = hashlib.sha256(key).digest()
        key = key.ljust(BLOCK_SIZE, b"\0")
        return cls(hashlib.sha256(bytes(byte ^ 0x36 for byte in key)),
                   hashlib.sha256(bytes(byte ^ 0x5C for byte in key)))

    def hex(self, value: str) -> str:
        """The hex HMAC of a value's UTF-8 bytes."""
        inner = self.inner.copy()
        inner.update(value.encode("utf-8"))
        outer = self.outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()


def hmac_sha256_hex(key: bytes, value: str) -> str:
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()
