with source_rows as (
    select * from {{ source('raw', 'home_office_stop_search_rates') }}
),

renamed as (
    select
        btrim(measure) as measure,
        btrim("time") as financial_year,
        to_date(left(btrim("time"), 4) || '-04-01', 'YYYY-MM-DD') as financial_year_start,
        btrim(ethnicity) as ethnicity,
        btrim(ethnicity_type) as ethnicity_classification,
        btrim(geography) as geography,
        btrim(geography_type) as geography_type,
        {{ published_number('number_of_stop_and_searches') }} as searches,
        {{ published_number('total_stop_and_searches_excluding_unreported') }} as searches_with_ethnicity_reported,
        {{ published_number('population_by_ethnicity') }} as population,
        {{ published_number('rate_per_1000_population') }} as published_rate_per_1000,
        load_id
    from source_rows
    where btrim(time_type) = 'Financial year'
)

select * from renamed
