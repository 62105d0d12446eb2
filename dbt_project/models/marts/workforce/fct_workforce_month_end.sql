{#- Headcount fact: one row per person in post at each month end, with the record valid that day. -#}
select
    month_end,
    person_id,
    version_number,
    workforce_type_code,
    rank_grade_code,
    rank_group,
    department_code,
    is_specialist_department,
    is_specialist_role,
    lpu_code as area_code,
    fte,
    start_date,
    ethnic_group,
    sex_code,
    age_band_code,
    disability,
    religion_or_belief,
    sexual_orientation,
    gender_reassignment,
    marital_status,
    pregnancy_maternity
from {{ ref('int_workforce_month_ends') }}
