"""Land delivered files in ``raw``: COPY reads the structure, then the rows are checked, pseudonymised and landed
(``equality.checked_rows``).

A file goes through three gates:

1. The file as a whole (``inspect_header``): readable, UTF-8, comma-separated, the contract's columns and
   no others. A file that fails is rejected whole: recorded in ``audit.loads`` with status 'rejected' and
   a message naming the file, line and column; nothing of it loads.
2. Its structure (COPY): every record has the header's number of fields, quoting closes, bytes are UTF-8.
   PostgreSQL's own error names the line; we name the column.
3. Each row (``checked_rows.land``): required values present, dates parse and are not in the future, numbers
   in range, codes in the seeds, record ids unique within the file and across earlier extracts. A failing
   row goes to ``audit.quarantined_rows`` with every reason; the rest lands in ``raw``.

Re-delivery: a file whose SHA-256 was already loaded for the same extract key is a no-op (the same content
under another key is another extract: an unchanged snapshot for a new date, an empty extract for a quiet day). A different file with the same extract
key (e.g. a corrected extract for the same date) replaces the earlier load in one transaction.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import logging
import os
import re
import stat
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Literal

import psycopg

from equality.checked_rows import DeliveredFile, Landing, land, quarantine_keys_delivered_again
from equality.contracts import Column, SourceContract
from equality.sources import contract_for, contracts
from equality.errors import FileRejected, RejectedFiles
from equality.pseudonymise import KeyedHash
from equality.schema import backfill_lock, raw_table_ddl

log = logging.getLogger(__name__)

CHUNK_BYTES = 1 << 20
# Larger than any genuine record or value of an extract, far smaller than what could exhaust memory.
MAX_LINE_BYTES = 1 << 20
MAX_FIELD_BYTES = 1 << 16
MANIFEST_SUFFIX = ".manifest"
# Memory for a load's sorts and its materialised steps (a file's landed and checked rows): at the server's 4 MB
# a month of a large force's searches spills them to disk.
LOAD_WORK_MEM = "256MB"
BACKFILL_MAINTENANCE_WORK_MEM = "512MB"  # a backfill builds each raw index once, over every row
BOM = b"\xef\xbb\xbf"

LoadStatus = Literal["loaded", "already_loaded", "rejected"]


@dataclass(frozen=True)
class LoadResult:
    file_name: str
    source: str
    status: LoadStatus
    load_id: int | None = None
    rows_loaded: int = 0
    rows_quarantined: int = 0
    replaced_load_id: int | None = None
    message: str = ""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def file_fingerprint(status: os.stat_result) -> str:
    """A file's size and its modification and change times (nanoseconds): a file registered under the same name
    and fingerprint is the file loaded then, and is not read again. The change time cannot be set back (touch
    sets only the others), and copying or rewriting a file changes it, so a changed file is always hashed."""
    return f"{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}"


def _normalise_header(name: str) -> str:
    return " ".join(name.split()).casefold()


def inspect_header(path: Path, contract: SourceContract) -> tuple[list[Column], int]:
    """Check the header line; return the contract columns in file order and the header's length in bytes."""
    with open(path, "rb") as stream:
        first_line = stream.readline(MAX_LINE_BYTES + 1)
    if len(first_line) > MAX_LINE_BYTES:
        raise FileRejected(path, f"the header is longer than {MAX_LINE_BYTES} bytes", line=1,
                           fix="deliver the extract with its header line first")
    if not first_line:
        raise FileRejected(path, "the file is empty: expected a header line", line=1,
                           fix="deliver the extract again; an extract with no rows still has its header")
    header_bytes = len(first_line)
    text_line = first_line[len(BOM):] if first_line.startswith(BOM) else first_line
    try:
        text = text_line.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FileRejected(path, f"byte 0x{text_line[error.start]:02x} at character {error.start + 1} is not UTF-8",
                           line=1, fix="export the file as UTF-8") from None
    names = _header_names(path, text.rstrip("\r\n"))
    expected = {_normalise_header(column.header): column for column in contract.columns}
    if len(names) == 1 and len(expected) > 1:
        for delimiter, label in ((";", "semicolon"), ("\t", "tab"), ("|", "pipe")):
            if delimiter in names[0]:
                raise FileRejected(path, f"the header looks {label}-separated; the contract is comma-separated",
                                   line=1, fix="export the file with ',' as the delimiter")
    ordered: list[Column] = []
    seen: set[str] = set()
    for position, name in enumerate(names, start=1):
        key = _normalise_header(name)
        if key not in expected:  # never quoted: a file without its header would show its first record
            raise FileRejected(path, f"the header's field {position} is not a column of {contract.name}, which has "
                               f"exactly: {', '.join(c.header for c in contract.columns)}",
                               line=1, fix="deliver the file with its header line; rename or remove that column")
        if key in seen:
            raise FileRejected(path, "the column appears twice", line=1, column=expected[key].header)
        seen.add(key)
        ordered.append(expected[key])
    missing = [column.header for column in contract.columns if _normalise_header(column.header) not in seen]
    if missing:
        raise FileRejected(path, f"missing column(s) {', '.join(map(repr, missing))}", line=1, column=missing[0],
                           fix="deliver the file with every contract column (a renamed column counts as missing)")
    return ordered, header_bytes


def _header_names(path: Path, header: str) -> list[str]:
    try:
        return next(csv.reader([header]))
    except csv.Error:
        raise FileRejected(path, "the header is not a line of comma-separated column names", line=1,
                           fix="deliver the extract with its header line first") from None


def _locate_invalid_utf8(path: Path, columns: list[Column]) -> tuple[int, str | None, str]:
    """Line, column and description of the first byte sequence that is not UTF-8 text (a NUL byte is not text)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as stream:
        for line_number, raw_line in enumerate(stream, start=1):
            try:
                decoder.decode(raw_line)
                if b"\0" in raw_line:
                    raise UnicodeDecodeError("utf-8", raw_line, raw_line.index(b"\0"), len(raw_line), "NUL")
            except UnicodeDecodeError as error:
                column = _column_at(raw_line, error.start, columns)
                return line_number, column, f"byte 0x{raw_line[error.start]:02x} is not UTF-8 text"
            decoder.reset()
    return 0, None, "bytes that are not UTF-8 text"


def _column_at(raw_line: bytes, position: int, columns: list[Column]) -> str | None:
    """The contract column of the field holding byte ``position`` of a line."""
    prefix = raw_line[:position].decode("utf-8", errors="replace")
    field_index = len(next(csv.reader([prefix]))) - 1 if prefix else 0
    return columns[field_index].header if field_index < len(columns) else None


def _locate_carriage_return(path: Path, line: int, columns: list[Column]) -> str | None:
    with open(path, "rb") as stream:
        for line_number, raw_line in enumerate(stream, start=1):
            if line_number == line:
                position = raw_line.rstrip(b"\r\n").find(b"\r")
                return _column_at(raw_line, position, columns) if position >= 0 else None
    return None


def _copy_rejection(path: Path, error: psycopg.Error, columns: list[Column]) -> FileRejected:
    """Turn PostgreSQL's COPY error into a rejection naming the file's line and column."""
    message = (error.diag.message_primary or str(error)).strip()
    context = error.diag.context or ""
    line_match = re.search(r"line (\d+)", context)
    line = int(line_match.group(1)) + 1 if line_match else None  # COPY counts from the first data line
    column = None
    column_match = re.search(r'column "?([a-z0-9_]+)"?', message + " " + context)
    if column_match:
        by_name = {c.name: c.header for c in columns}
        column = by_name.get(column_match.group(1))
    if "invalid byte sequence" in message:
        line, column, message = _locate_invalid_utf8(path, columns)
        return FileRejected(path, message, line=line, column=column, fix="export the file as UTF-8")
    if "carriage return" in message and line is not None:
        column = _locate_carriage_return(path, line, columns)
    if "extra data after last expected column" in message:
        message = f"the row has more fields than the header's {len(columns)}"
    elif "missing data for column" in message:
        message = f"the row has fewer fields than the header's {len(columns)}"
    return FileRejected(path, message, line=line, column=column,
                        fix="check the delimiter and quoting of that line, then deliver the file again")


def _check_structure(conn: psycopg.Connection, path: Path, columns: list[Column], header_bytes: int) -> None:
    """Have COPY read every record of the file and keep none: PostgreSQL's own CSV reading is the structure
    check, and its error names the line (DataError, turned into a rejection by ``_copy_rejection``)."""
    column_list = ", ".join(column.name for column in columns)
    conn.execute("drop table if exists landing")
    conn.execute(f"create temp table landing ({', '.join(f'{column.name} text' for column in columns)}) "
                 "on commit drop")
    with conn.cursor() as cursor:
        with cursor.copy(f"copy landing ({column_list}) from stdin with (format csv, encoding 'UTF8') "
                         "where false") as copy:
            with open(path, "rb") as stream:
                stream.seek(header_bytes)
                for block in _data_that_cannot_end_copy(iter(lambda: stream.read(CHUNK_BYTES), b""), path, columns):
                    copy.write(block)


END_OF_DATA_MARKER = re.compile(rb"(?m)^\\\.(?=\r?\n|\r|\Z)")
FIELD_SEPARATOR_OR_QUOTE = re.compile(rb'[,"]')


def _data_that_cannot_end_copy(chunks: Iterable[bytes], path: Path, columns: list[Column]) -> Iterator[bytes]:
    """The CSV bytes after the header, with every record that is only ``\\.`` quoted (``"\\."``, the same
    value), and no line longer than MAX_LINE_BYTES or field longer than MAX_FIELD_BYTES (else FileRejected).

    PostgreSQL before 18 ends COPY FROM STDIN at a record holding only ``\\.``, even in CSV format, and
    reports success: the rest of the file would be lost silently. Quoting the value keeps it data on every
    version. Only a ``\\.`` that starts a record counts, not one on a line inside a quoted field, so the
    quote parity before each (rare) match decides. Blocks end at a line break, so a match never straddles.
    """
    in_quotes = False
    pending = b""
    first_line = 2
    for chunk in chunks:
        pending += chunk
        cut = pending.rfind(b"\n") + 1
        if cut:
            block, pending = pending[:cut], pending[cut:]
            _check_sizes(block, first_line, path, columns)
            yield _quote_end_markers(block, in_quotes)
            in_quotes ^= block.count(b'"') % 2 == 1
            first_line += block.count(b"\n")
        if len(pending) > MAX_LINE_BYTES:
            _check_sizes(pending, first_line, path, columns)
    if pending:
        _check_sizes(pending, first_line, path, columns)
        yield _quote_end_markers(pending, in_quotes)


def _check_sizes(block: bytes, first_line: int, path: Path, columns: list[Column]) -> None:
    """Reject the file at the first line of ``block`` longer than MAX_LINE_BYTES or with a field longer than
    MAX_FIELD_BYTES, naming the line and the column (the longest field of that line)."""
    # A line longer than MAX_FIELD_BYTES covers a whole aligned window of half that length without a line
    # break; finding a break early in every window is cheap, so genuine data never reaches the loop below.
    window = MAX_FIELD_BYTES // 2
    if all(block.find(b"\n", start, start + window) >= 0 for start in range(0, len(block) - window + 1, window)):
        return
    for offset, line in enumerate(block.split(b"\n")):
        if len(line) <= MAX_FIELD_BYTES:
            continue
        lengths = _field_lengths(line)
        longest = max(range(len(lengths)), key=lengths.__getitem__)
        column = columns[longest].header if longest < len(columns) else None
        if len(line) > MAX_LINE_BYTES:
            raise FileRejected(path, f"the line is longer than {MAX_LINE_BYTES} bytes", line=first_line + offset,
                               column=column, fix="check the file's line breaks and that the value belongs there")
        if lengths[longest] > MAX_FIELD_BYTES:
            raise FileRejected(path, f"the value is longer than {MAX_FIELD_BYTES} bytes", line=first_line + offset,
                               column=column, fix="check the file's quoting and that the value is meant to be there")


def _field_lengths(line: bytes) -> list[int]:
    """The byte length of each field of a CSV line (commas inside quotes do not separate)."""
    lengths, start, quotes = [], 0, 0
    for match in FIELD_SEPARATOR_OR_QUOTE.finditer(line):
        if match.group() == b'"':
            quotes += 1
        elif quotes % 2 == 0:
            lengths.append(match.start() - start)
            start = match.end()
    return lengths + [len(line) - start]


def _quote_end_markers(block: bytes, in_quotes: bool) -> bytes:
    """``block`` (whole lines, starting outside quotes unless ``in_quotes``) with record-starting ``\\.`` quoted."""
    if block.find(b"\\") < 0:  # one byte: memchr, the fast search
        return block
    pieces, start = [], 0
    for match in END_OF_DATA_MARKER.finditer(block):
        if (block.count(b'"', 0, match.start()) % 2 == 1) == in_quotes:  # outside quotes: a record of its own
            pieces += [block[start:match.start()], b'"\\."']
            start = match.end()
    return b"".join(pieces) + block[start:]


def _register_rejection(conn: psycopg.Connection, contract_name: str, path: Path, sha256: str,
                        extract_key: str | None, rejection: FileRejected) -> int:
    with conn.transaction():
        return conn.execute(
            "insert into audit.loads (source, file_name, sha256, extract_key, status, message) "
            "values (%s, %s, %s, %s, 'rejected', %s) returning load_id",
            (contract_name, path.name, sha256, extract_key, str(rejection))).fetchone()[0]


def _same_file_loaded(conn: psycopg.Connection, source: str, extract_key: str | None, match: str,
                      values: tuple) -> int | None:
    """The latest load (loaded, or superseded since) of this source and extract key whose file `match` (SQL over
    audit.loads with placeholders for `values`) says was this one; None if there is none."""
    row = conn.execute(
        f"select load_id from audit.loads where source = %s and extract_key is not distinct from %s and {match} "
        "and status in ('loaded', 'superseded') order by load_id desc limit 1",
        (source, extract_key, *values)).fetchone()
    return row[0] if row else None


def load_file(conn: psycopg.Connection, path: Path, *, key: bytes, seeds_dir: Path,
              contract: SourceContract | None = None) -> LoadResult:
    """Load one delivered file in a transaction of its own; never raises for a bad file (the result says
    'rejected' and why, and the rejection is committed in audit.loads)."""
    path = Path(path)
    contract = contract or contract_for(path.name)
    if contract is None:
        raise FileRejected(path, "the file name matches no data contract", fix="see docs/data-contracts.md")
    status = path.lstat()
    if not stat.S_ISREG(status.st_mode):
        raise FileRejected(path, "not a regular file (a link, device, FIFO or socket): never opened")
    extract_key = contract.extract_key(path.name)
    fingerprint = file_fingerprint(status)
    unchanged = _same_file_loaded(conn, contract.name, extract_key, "file_name = %s and file_fingerprint = %s",
                                  (path.name, fingerprint))
    if unchanged:
        return LoadResult(path.name, contract.name, "already_loaded", load_id=unchanged,
                          message=f"unchanged since load {unchanged}: nothing to do")
    sha256 = file_sha256(path)
    try:
        try:
            contract.extract_date(path.name)
        except ValueError:
            raise FileRejected(path, f"the date in its name, {extract_key}, is not a day of the calendar",
                               fix="name the file with its extract's date, YYYY-MM-DD") from None
        columns, header_bytes = inspect_header(path, contract)
        manifest = read_manifest(path)
        with conn.transaction():
            conn.execute("select pg_advisory_xact_lock(hashtext(%s))", (f"equality.load.{contract.name}",))
            conn.execute(f"set local work_mem = '{LOAD_WORK_MEM}'")
            earlier = _same_file_loaded(conn, contract.name, extract_key, "sha256 = %s", (sha256,))
            if earlier:
                return LoadResult(path.name, contract.name, "already_loaded", load_id=earlier,
                                  message=f"identical to load {earlier}: nothing to do")
            records = DeliveredFile(path, columns, header_bytes)
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="equality-survey") as reader:
                # the client reads the file's keys while PostgreSQL reads its structure; a survey of a file
                # that COPY rejects is never asked for (polars alone would read some malformed files)
                survey = reader.submit(records.survey, contract.record_key)
                try:
                    with conn.transaction():
                        _check_structure(conn, path, columns, header_bytes)
                except psycopg.errors.DataError as error:
                    raise _copy_rejection(path, error, columns) from None
                rows_in_file, repeated_keys = survey.result()
            if manifest is not None and (manifest.sha256, manifest.rows) != (sha256, rows_in_file):
                raise FileRejected(path, f"the file holds {rows_in_file} records and its manifest says "
                                   f"{manifest.rows} (or another SHA-256)",
                                   fix="deliver the file and its manifest again")
            previous = conn.execute(
                "select load_id from audit.loads where source = %s and extract_key = %s and status = 'loaded'",
                (contract.name, extract_key)).fetchone()
            load_id = conn.execute(
                "insert into audit.loads (source, file_name, sha256, extract_key, status, rows_in_file, "
                "file_fingerprint) values (%s, %s, %s, %s, 'loaded', %s, %s) returning load_id",
                (contract.name, path.name, sha256, extract_key, rows_in_file, fingerprint)).fetchone()[0]
            if previous:
                conn.execute(f"delete from raw.{contract.raw_table} where load_id = %s", previous)
                # its rows' removal has reached no build yet: the next night rebuilds what they were in
                conn.execute("update audit.loads set status = 'superseded', superseded_by = %s, built_at = null "
                             "where load_id = %s", (load_id, previous[0]))
            landing = Landing(contract, load_id, path.name, KeyedHash.from_key(key), seeds_dir)
            rows_loaded, rows_quarantined = land(conn, records, repeated_keys, landing)
            conn.execute("update audit.loads set rows_loaded = %s, rows_quarantined = %s where load_id = %s",
                         (rows_loaded, rows_quarantined, load_id))
    except FileRejected as rejection:
        load_id = _register_rejection(conn, contract.name, path, sha256, extract_key, rejection)
        log.error("rejected %s", rejection)
        return LoadResult(path.name, contract.name, "rejected", load_id=load_id, message=str(rejection))
    result = _loaded(LoadResult(path.name, contract.name, "loaded", load_id=load_id,
                                replaced_load_id=previous[0] if previous else None), rows_loaded, rows_quarantined)
    log.info("%s: %s", path.name, result.message)
    return result


def _loaded(result: LoadResult, rows_loaded: int, rows_quarantined: int) -> LoadResult:
    """A loaded file's result with its row counts, and the message saying them."""
    return dataclasses.replace(result, rows_loaded=rows_loaded, rows_quarantined=rows_quarantined, message=(
        f"{rows_loaded} rows loaded, {rows_quarantined} quarantined"
        + (f", replacing load {result.replaced_load_id}" if result.replaced_load_id else "")))


def delivered_files(directories: Iterable[Path], *, settle_seconds: float = 0) -> list[Path]:
    """Complete deliveries in the landing folders that a contract recognises: by contract in registry order
    (a source that refers to another loads after it, e.g. allegations after their cases), then oldest extract
    first. Every other entry is logged with why it was skipped; an incomplete file waits for the next night.

    A file is complete when its manifest (``<file>.manifest``, see ``read_manifest``) matches it, or, without
    a manifest, when it has not changed for ``settle_seconds``. Only regular files are ever opened: a symbolic
    link, device, FIFO or socket is skipped by its type.
    """
    found = []
    for directory in map(Path, directories):
        if not directory.is_dir():
            continue
        for path in sorted(directory.rglob("*")):
            reason = _not_deliverable(path, settle_seconds)
            if reason is None:
                found.append(path)
            elif reason:
                log.warning("skipped %r in %s: %s", str(path.relative_to(directory)), directory, reason)
    return sorted(found, key=lambda path: (contracts().index(contract_for(path.name)), path.name))


def _not_deliverable(path: Path, settle_seconds: float) -> str | None:
    """Why ``path`` is not loaded tonight ('' when there is nothing to say), or None when it is a complete delivery."""
    status = path.lstat()
    if stat.S_ISDIR(status.st_mode):
        return ""
    if stat.S_ISLNK(status.st_mode):
        return "a symbolic link, not a regular file (never opened)"
    if not stat.S_ISREG(status.st_mode):
        return "not a regular file (a device, FIFO or socket; never opened)"
    if path.name.endswith(MANIFEST_SUFFIX):
        data_file = path.with_name(path.name.removesuffix(MANIFEST_SUFFIX))
        return "" if data_file.exists() else "a manifest without its file"
    if contract_for(path.name) is None:
        return "its name matches no data contract (see docs/data-contracts.md)"
    try:
        manifest = read_manifest(path)
    except FileRejected:
        return None  # loading rejects it, naming the manifest
    if manifest is not None:
        if file_sha256(path) != manifest.sha256:
            return "its SHA-256 does not match its manifest yet: still arriving, it waits for the next night"
        return None
    age = time.time() - status.st_mtime
    if age < settle_seconds:
        return (f"changed {age:.0f} s ago, less than EQUALITY_DELIVERY_SETTLE_SECONDS={settle_seconds:g}: "
                "possibly still arriving, it waits for the next night")
    return None


@dataclass(frozen=True)
class Manifest:
    """``<file>.manifest``, delivered after its file: ``{"rows": <records after the header>, "sha256": "<hex>"}``."""

    rows: int
    sha256: str


def read_manifest(path: Path) -> Manifest | None:
    """The manifest of a delivered file, None when there is none; FileRejected when it cannot be read."""
    manifest_path = path.with_name(path.name + MANIFEST_SUFFIX)
    if not manifest_path.is_file() or manifest_path.is_symlink():
        return None
    try:
        fields = json.loads(manifest_path.read_bytes()[:MAX_LINE_BYTES])
        return Manifest(rows=int(fields["rows"]), sha256=str(fields["sha256"]).lower())
    except (ValueError, KeyError, TypeError):
        raise FileRejected(path, f"its manifest {manifest_path.name} is not JSON with 'rows' and 'sha256'",
                           fix="deliver the manifest again") from None


def load_files(conn: psycopg.Connection, paths: Iterable[Path], *, key: bytes, seeds_dir: Path,
               backfill: bool = False) -> list[LoadResult]:
    """Load every file; raise RejectedFiles at the end if any was rejected (the accepted ones stay loaded).

    ``backfill``: a bulk load of history, e.g. a warehouse's first years. The raw tables the files load into
    lose their indexes for the load and have them built once at the end (keeping an index up to date row by
    row costs more than building it once); their rows are checked exactly as in a night, the record keys an
    earlier file delivered as the indexes are built (``raw_indexes_built_after``), so the results say the counts
    ``audit.loads`` holds then.
    """
    paths = list(paths)
    loaded = [contract for contract in dict.fromkeys(map(contract_for, (path.name for path in paths))) if contract]
    with raw_indexes_built_after(conn, loaded) if backfill else nullcontext():
        results = [load_file(conn, path, key=key, seeds_dir=seeds_dir) for path in paths]
    if backfill:
        registered = {load_id: counts for load_id, *counts in conn.execute(
            "select load_id, rows_loaded, rows_quarantined from audit.loads where load_id = any(%s)",
            ([result.load_id for result in results],))}
        results = [_loaded(result, *registered[result.load_id]) if result.status == "loaded" else result
                   for result in results]
    rejected = [result for result in results if result.status == "rejected"]
    if rejected:
        raise RejectedFiles([result.message for result in rejected])
    return results


@contextmanager
def raw_indexes_built_after(conn: psycopg.Connection, loaded: list[SourceContract]) -> Iterator[None]:
    """Drop the raw tables' indexes, and build them again (as the schema declares them) and analyse the tables
    when the block ends, also when it fails: the tables are never left without their indexes. A record key unique
    across extracts that an earlier file delivered is found as its unique index is built: its later rows go to
    quarantine as a night's load would have sent them (``quarantine_keys_delivered_again``). Throughout, the
    backfill holds each table's ``backfill_lock``, so another source's bootstrap does not build them meanwhile."""
    for contract in loaded:
        conn.execute("select pg_advisory_lock(hashtext(%s))", (backfill_lock(contract),))
    tables = [contract.raw_table for contract in loaded]
    indexes = conn.execute("select index.relname from pg_index join pg_class as index on index.oid = indexrelid "
                           "join pg_class as tab on tab.oid = indrelid join pg_namespace on pg_namespace.oid = "
                           "tab.relnamespace where nspname = 'raw' and tab.relname = any(%s)", (tables,)).fetchall()
    for (index,) in indexes:
        conn.execute(f'drop index raw."{index}"')
    try:
        yield
    finally:
        conn.execute(f"set maintenance_work_mem = '{BACKFILL_MAINTENANCE_WORK_MEM}'")
        for contract in loaded:
            started = time.perf_counter()
            try:
                with conn.transaction():
                    conn.execute(raw_table_ddl(contract))
            except psycopg.errors.UniqueViolation:
                moved = quarantine_keys_delivered_again(conn, contract)
                log.info("raw.%s: %d rows repeated a record key an earlier load holds: quarantined",
                         contract.raw_table, moved)
                conn.execute(raw_table_ddl(contract))
            conn.execute(f"analyze raw.{contract.raw_table}")
            log.info("raw.%s: indexes built and analysed in %.1f s", contract.raw_table, time.perf_counter() - started)
            conn.execute("select pg_advisory_unlock(hashtext(%s))", (backfill_lock(contract),))
        conn.execute("reset maintenance_work_mem")
