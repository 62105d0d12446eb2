"""Typed settings, one documented field per environment variable."""

from __future__ import annotations

import math
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from equality.errors import ConfigurationError

REPO_ROOT = Path(__file__).resolve().parents[2]
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
SEEDS_DIR = DBT_PROJECT_DIR / "seeds"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"
REFERENCE_DIR = REPO_ROOT / "reference"
DAGS_DIR = REPO_ROOT / "dags"


@dataclass(frozen=True)
class Settings:
    """Everything the pipeline reads from its environment.

    home: EQUALITY_HOME, the working folder for the embedded warehouse, Airflow's metadata, Data Docs and
        generated secrets (default ``<checkout>/.equality``, ignored by git).
    warehouse_url: WAREHOUSE_URL, a PostgreSQL URL; unset means the embedded warehouse under ``home``.
    landing_dir: EQUALITY_LANDING_DIR, where nightly extracts arrive (default ``<home>/landing``).
    suppression_threshold: EQUALITY_SUPPRESSION_THRESHOLD, counts below it are suppressed in reporting
        (default 10, the ONS convention).
    pseudonym_key_env: EQUALITY_PSEUDONYM_KEY, the secret key of the keyed hash applied to identifiers.
    delivery_settle_seconds: EQUALITY_DELIVERY_SETTLE_SECONDS, how long a file without a manifest must be
        unchanged before it is loaded (default 0: at once; set it, e.g. 120, where senders write in place).
    """

    home: Path
    warehouse_url: str | None
    landing_dir: Path
    suppression_threshold: int
    pseudonym_key_env: str | None
    delivery_settle_seconds: int = 0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> "Settings":
        """The settings the environment variables give (the process's, or those of ``environ``)."""
        home = Path(environ.get("EQUALITY_HOME") or REPO_ROOT / ".equality").resolve()
        whole_numbers = {name: environ.get(name, default) for name, default in (
            ("EQUALITY_SUPPRESSION_THRESHOLD", "10"), ("EQUALITY_DELIVERY_SETTLE_SECONDS", "0"))}
        for name, text in whole_numbers.items():
            if not text.isdigit():
                raise ConfigurationError(f"{name} must be a whole number, got {text!r}")
        return cls(
            home=home,
            warehouse_url=environ.get("WAREHOUSE_URL") or None,
            landing_dir=Path(environ.get("EQUALITY_LANDING_DIR") or home / "landing").resolve(),
            suppression_threshold=int(whole_numbers["EQUALITY_SUPPRESSION_THRESHOLD"]),
            pseudonym_key_env=environ.get("EQUALITY_PSEUDONYM_KEY") or None,
            delivery_settle_seconds=int(whole_numbers["EQUALITY_DELIVERY_SETTLE_SECONDS"]),
        )

    @property
    def gx_root(self) -> Path:
        return self.home / "gx"

    @property
    def airflow_home(self) -> Path:
        return self.home / "airflow"

    def pseudonym_key(self) -> bytes:
        """The keyed-hash secret: EQUALITY_PSEUDONYM_KEY, or on the embedded warehouse a key generated once.

        Against an external warehouse (WAREHOUSE_URL set) the key must come from the environment, because
        a key that changes would break the link between nights.
        """
        if self.pseudonym_key_env:
            return checked_pseudonym_key(self.pseudonym_key_env)
        if self.warehouse_url:
            raise ConfigurationError(
                "EQUALITY_PSEUDONYM_KEY is not set. Set it to a long random secret kept outside the repository "
                "(python -c 'import secrets; print(secrets.token_hex(32))'); the same key must be used every night.")
        key_file = self.home / "secrets" / "pseudonym.key"
        if not key_file.exists():
            private_folder(key_file.parent)
            descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as stream:
                stream.write(secrets.token_hex(32))
        return checked_pseudonym_key(key_file.read_text().strip())


MINIMUM_KEY_BYTES = 32
MINIMUM_KEY_BITS = 128  # a key must look random enough to hold at least this much, estimated from its characters
PLACEHOLDER = re.compile(r"change.?me|placeholder|example|secret-?key|your.?key|x{4,}", re.IGNORECASE)
KEY_FIX = "generate one with: python -c 'import secrets; print(secrets.token_hex(32))'"


def checked_pseudonym_key(text: str) -> bytes:
    """The key as bytes, if it is at least 32 bytes long, not a placeholder and not too repetitive to be random."""
    key = text.encode("utf-8")
    if len(key) < MINIMUM_KEY_BYTES:
        raise ConfigurationError(f"EQUALITY_PSEUDONYM_KEY is {len(key)} bytes long, it must be at least "
                                 f"{MINIMUM_KEY_BYTES}; {KEY_FIX}")
    if PLACEHOLDER.search(text):
        raise ConfigurationError(f"EQUALITY_PSEUDONYM_KEY is a placeholder, not a secret; {KEY_FIX}")
    frequencies = [key.count(byte) / len(key) for byte in set(key)]
    estimated_bits = -len(key) * sum(share * math.log2(share) for share in frequencies)
    if estimated_bits < MINIMUM_KEY_BITS:
        raise ConfigurationError(f"EQUALITY_PSEUDONYM_KEY repeats too few characters to be random (about "
                                 f"{max(estimated_bits, 0):.0f} bits, at least {MINIMUM_KEY_BITS} needed); {KEY_FIX}")
    return key


def private_folder(path: Path) -> Path:
    """Create ``path`` (and its parents) for this user only, make sure it is, and create files private from now on.

    Run as root, the embedded PostgreSQL runs as its own user, which must pass through the folder to its data:
    others may then traverse (0711) but not list it, and every file in it is created 0600 (umask 077).
    """
    os.umask(0o077)
    mode = 0o711 if os.geteuid() == 0 else 0o700
    path.mkdir(parents=True, exist_ok=True, mode=mode)
    if path.stat().st_uid == os.geteuid():
        path.chmod(mode)
    return path
