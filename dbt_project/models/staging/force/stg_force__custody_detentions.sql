with source_rows as (
    select * from {{ source('raw', 'custody_detentions') }}
),

renamed as (
    select
        -- ids
        detention_id,
        nullif(person_id, '') as person_id,
        load_id,
        file_name,
        line_number,
        -- when and where
        arrived_at::timestamptz as arrived_at,
        released_at::timestamptz as released_at,
        nullif(custody_suite, '') as custody_suite,
        arresting_lpu as lpu_code,
        -- who
        age::integer as age_years,
        sex as sex_value,
        self_defined_ethnicity as self_defined_ethnicity_value,
        officer_observed_ethnicity as officer_ethnicity_value,
        lower(juvenile)::boolean as is_juvenile,
        lower(nullif(appropriate_adult, ''))::boolean as has_appropriate_adult,
        lower(nullif(interpreter, ''))::boolean as has_interpreter,
        -- what happened
        offence_group as offence_group_value,
        lower(strip_search)::boolean as is_strip_search,
        lower(nullif(strip_search_authorised, ''))::boolean as is_strip_search_authorised,
        lower(use_of_force)::boolean as is_use_of_force,
        disposal as disposal_value,
        nullif(court, '') as court_value
    from source_rows
)

select * from renamed
