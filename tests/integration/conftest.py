import pytest

from equality.schema import bootstrap
from equality.warehouse import connect


@pytest.fixture
def conn(warehouse_url):
    """An autocommit connection to a fresh, bootstrapped warehouse database."""
    with connect(warehouse_url, autocommit=True) as connection:
        bootstrap(connection)
        yield connection
