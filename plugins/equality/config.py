"""Typed settings, one documented field per environment variable."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

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
    def from_env(cls) -> "Settings":
        home = Path(os.environ.get("EQUALITY_HOME") or REPO_ROOT / ".equality").resolve()
        whole_numbers = {name: os.environ.get(name, default) for name, default in (
            ("EQUALITY_SUPPRESSION_THRESHOLD", "10"), ("EQUALITY_DELIVERY_SETTLE_SECONDS", "0"))}
        for name, text in whole_numbers.items():
            if not text.isdigit():
                raise ConfigurationError(f"{name} must be a whole number, got {text!r}")
        return cls(
            home=home,
            warehouse_url=os.environ.get("WAREHOUSE_URL") or None,
            landing_dir=Path(os.environ.get("EQUALITY_LANDING_DIR") or home / "landing").resolve(),
            suppression_threshold=int(whole_numbers["EQUALITY_SUPPRESSION_THRESHOLD"]),
            pseudonym_key_env=os.environ.get("EQUALITY_PSEUDONYM_KEY") or None,
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
            return self.pseudonym_key_env.encode("utf-8")
        if self.warehouse_url:
            raise ConfigurationError(
                "EQUALITY_PSEUDONYM_KEY is not set. Set it to a long random secret kept outside the repository "
                "(python -c 'import secrets; print(secrets.token_hex(32))'); the same key must be used every night.")
        key_file = self.home / "secrets" / "pseudonym.key"
        if not key_file.exists():
            key_file.parent.mkdir(parents=True, exist_ok=True)
            key_file.write_text(secrets.token_hex(32))
            key_file.chmod(0o600)
        return key_file.read_text().strip().encode("utf-8")
