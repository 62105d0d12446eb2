"""The project's command-line programs, as installed beside the Python running the tests."""

import sys
from pathlib import Path

EQUALITY = str(Path(sys.executable).with_name("equality"))
AIRFLOW = str(Path(sys.executable).with_name("airflow"))
