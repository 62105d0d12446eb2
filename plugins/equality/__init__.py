"""Police equality data warehouse: ingest, validation, dbt build and publication of disparity marts."""
