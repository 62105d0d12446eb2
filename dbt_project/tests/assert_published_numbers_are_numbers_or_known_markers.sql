-- Every published count, population and rate in the Home Office table is a number or a known "no figure"
-- marker ('N/A', '-', blank); anything else would silently become null, so it fails here instead.
with source_rows as (
    select * from {{ source('raw', 'home_office_stop_search_rates') }}
),

published_values as (
    select load_id, line_number, column_name, btrim(published_value) as published_value
    from source_rows
    cross join lateral (values
        ('number_of_stop_and_searches', number_of_stop_and_searches),
        ('total_stop_and_searches_excluding_unreported', total_stop_and_searches_excluding_unreported),
        ('population_by_ethnicity', population_by_ethnicity),
        ('rate_per_1000_population', rate_per_1000_population)
    ) as cells (column_name, published_value)
)

select *
from published_values
where coalesce(published_value, '') not in ('', 'N/A', '-')
  and replace(published_value, ',', '') !~ '^-?\d+(\.\d+)?$'
