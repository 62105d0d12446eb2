"""The custody raw table's rules that its contract's columns cannot express (its raw suite checks them too)."""

from __future__ import annotations

from equality.contracts import RawCheck

CUSTODY_DETENTIONS_CHECKS = (
    RawCheck(
        "a court is recorded only with a charge",
        "select * from {batch} where nullif(btrim(court), '') is not null "
        "and btrim(disposal) not in ('CHARGED_REMANDED', 'CHARGED_BAILED')",
        "the court is where a charged person first appears (data contract); a court without a charge is a recording "
        "error",
        "court"),
)
