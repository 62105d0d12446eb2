{#- Recruitment and promotion process stages with stage order, ethnic group and sex resolved, the age band
    at application, and the financial year the process opened in (its first application). -#}
with stages as (
    select * from {{ ref('stg_hr__process_stages') }}
),

process_stages as (
    select * from {{ ref('process_stages') }}
),

rank_grades as (
    select * from {{ ref('rank_grades') }}
),

conformed as (
    select
        stages.process_id,
        stages.process_type,
        stages.target_rank_grade_code,
        rank_grades.workforce_type_code as target_workforce_type_code,
        stages.candidate_id,
        stages.stage_code,
        process_stages.stage_order,
        stages.outcome_code,
        stages.stage_date,
        min(stages.stage_date) over (partition by stages.process_id) as process_opened_on,
        ethnicity_values.broad_ethnic_group as ethnic_group,
        sex_values.sex_code,
        -- the age band is as at each file's date; a candidate keeps the one recorded at application
        first_value(stages.age_band_code) over (partition by stages.process_id, stages.candidate_id
                                                order by process_stages.stage_order) as age_band_code,
        stages.disability,
        stages.religion_or_belief,
        stages.sexual_orientation
    from stages
    inner join process_stages
        on stages.process_type = process_stages.process_type and stages.stage_code = process_stages.stage_code
    inner join rank_grades on stages.target_rank_grade_code = rank_grades.rank_grade_code
    {{ hr_ethnicity_and_sex_joins('stages') }}
),

dated as (
    select
        conformed.*,
        {{ financial_year_start('process_opened_on') }} as financial_year_start
    from conformed
)

select * from dated
