with source_rows as (
    select * from {{ source('raw', 'police_uk_stop_search') }}
),

renamed as (
    select
        -- ids: police.uk publishes no record id, so the file and line identify the row
        'police_uk:' || file_name || ':' || line_number as stop_search_id,
        load_id,
        file_name,
        line_number,
        substring(file_name from '^\d{4}-\d{2}-(.+)-stop-and-search\.csv$') as force_slug,
        -- when and where
        "date"::timestamptz as searched_at,
        nullif(latitude, '')::numeric as latitude,
        nullif(longitude, '')::numeric as longitude,
        -- who
        nullif(gender, '') as sex_value,
        nullif(age_range, '') as age_range_value,
        nullif(self_defined_ethnicity, '') as self_defined_ethnicity_value,
        nullif(officer_defined_ethnicity, '') as officer_ethnicity_value,
        -- what
        "type" as search_type,
        lower(nullif(part_of_a_policing_operation, ''))::boolean as is_part_of_policing_operation,
        nullif(legislation, '') as legislation_value,
        nullif(object_of_search, '') as object_of_search_value,
        nullif(outcome, '') as outcome_value,
        lower(nullif(outcome_linked_to_object_of_search, ''))::boolean as is_outcome_linked_to_object,
        lower(nullif(removal_of_more_than_just_outer_clothing, ''))::boolean as is_more_than_outer_clothing_removed
    from source_rows
)

select * from renamed
