"""The guard between a delivered file and COPY: the same bytes out however the file is read, except that a
record holding only ``\\.`` is quoted (the same value), and a line or value too long rejects the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from equality.sources.stop_search.contracts import FORCE_STOP_SEARCH
from equality.errors import FileRejected
from equality.ingest import MAX_FIELD_BYTES, MAX_LINE_BYTES, _data_that_cannot_end_copy

DATA = b'a,b\n\\.\nc,d\n\\.\r\ne,"f\n\\.\ng"\n\\N,\\\\.\n\\.x,w\n"\\.",v\n\\.'
GUARDED = b'a,b\n"\\."\nc,d\n"\\."\r\ne,"f\n\\.\ng"\n\\N,\\\\.\n\\.x,w\n"\\.",v\n"\\."'
COLUMNS = list(FORCE_STOP_SEARCH.columns)


def guarded(data: bytes, chunk_size: int) -> bytes:
    chunks = (data[start:start + chunk_size] for start in range(0, len(data), chunk_size))
    return b"".join(_data_that_cannot_end_copy(chunks, Path("stop_search_2024-01-31.csv"), COLUMNS))


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 7, 1 << 20])
def test_only_records_holding_just_the_end_marker_are_quoted_whatever_the_chunks(chunk_size):
    assert guarded(DATA, chunk_size) == GUARDED


def test_data_without_markers_passes_unchanged():
    data = b'x,"y\n,z"\n' * 10_000
    assert guarded(data, 4096) == data


@pytest.mark.parametrize("line, problem", [
    (b"a," + b"x" * (MAX_LINE_BYTES + 1), "line 3, column 'searched_at': the line is longer"),
    (b"a," + b"x" * (MAX_FIELD_BYTES + 1) + b",c", "line 3, column 'searched_at': the value is longer"),
    (b'a,b,"' + b"x" * (MAX_FIELD_BYTES + 1) + b'"', "line 3, column 'neighbourhood_code': the value is longer"),
], ids=["line", "value", "quoted value"])
def test_an_oversized_line_or_value_is_rejected_naming_its_line_and_column(line, problem):
    with pytest.raises(FileRejected, match=problem):
        guarded(b"a,b\n" + line + b"\nc,d\n", 1 << 16)
