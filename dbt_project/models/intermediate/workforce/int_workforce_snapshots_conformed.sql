{#- Each HR snapshot row with its codes resolved: broad ethnic group, sex, rank group and order, whether the
    department is specialist. -#}
with people as (
    select * from {{ ref('stg_hr__people') }}
),

rank_grades as (
    select * from {{ ref('rank_grades') }}
),

departments as (
    select * from {{ ref('departments') }}
),

conformed as (
    select
        people.person_id,
        people.snapshot_date,
        people.workforce_type_code,
        people.rank_grade_code,
        rank_grades.rank_group,
        rank_grades.rank_order,
        people.department_code,
        departments.is_specialist as is_specialist_department,
        people.is_specialist_role,
        people.lpu_code,
        people.fte,
        people.start_date,
        ethnicity_values.broad_ethnic_group as ethnic_group,
        sex_values.sex_code,
        people.age_band_code,
        people.disability,
        people.religion_or_belief,
        people.sexual_orientation,
        people.gender_reassignment,
        people.marital_status,
        people.pregnancy_maternity
    from people
    inner join rank_grades on people.rank_grade_code = rank_grades.rank_grade_code
    inner join departments on people.department_code = departments.department_code
    {{ hr_ethnicity_and_sex_joins('people') }}
)

select * from conformed
