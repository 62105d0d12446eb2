with source_rows as (
    select * from {{ source('raw', 'force_stop_search') }}
),

renamed as (
    select
        -- ids
        record_id as stop_search_id,
        officer_id,
        load_id,
        file_name,
        line_number,
        -- when and where
        searched_at::timestamptz as searched_at,
        nullif(neighbourhood_code, '') as neighbourhood_code,
        lpu_code,
        nullif(latitude, '')::numeric as latitude,
        nullif(longitude, '')::numeric as longitude,
        nullif(team, '') as team_code,
        -- who
        nullif(age, '')::integer as age_years,
        sex as sex_value,
        self_defined_ethnicity as self_defined_ethnicity_value,
        officer_observed_ethnicity as officer_ethnicity_value,
        -- what
        legislation as legislation_value,
        object_of_search as object_of_search_value,
        outcome as outcome_value,
        lower(nullif(outcome_linked_to_object, ''))::boolean as is_outcome_linked_to_object,
        lower(more_than_outer_clothing_removed)::boolean as is_more_than_outer_clothing_removed,
        lower(strip_search)::boolean as is_strip_search
    from source_rows
)

select * from renamed
