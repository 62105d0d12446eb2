{#- The funnel of recruitment and promotion processes, by characteristic group: at each stage, candidates
    entering, passing, failing and withdrawing, for each process and for all processes of a target role that
    opened in a financial year (process_id 'ALL'). Measures (docs/methodology.md, Workforce):
    - pass_rate = passed / (passed + failed): withdrawals are not failures and leave the denominator;
    - relative_likelihood = the group's pass_rate / the reference group's, Katz log interval;
    - progression_rate = passed / entered, and adverse_impact_ratio = the group's progression rate / the
      highest progression rate of any disclosed group at that stage (the four-fifths rule flags < 0.8);
    - cumulative_conversion = passed this stage / applied (entered the process's first stage). -#}
with stages as (
    select * from {{ ref('fct_process_stage') }}
),

characteristic_groups as (
    select * from {{ ref('dim_workforce_characteristic_group') }}
),

by_characteristic as (
    select stages.*, characteristics.characteristic, characteristics.group_code
    from stages
    cross join lateral {{ workforce_characteristics('stages') }}
),

counted as (
    select
        process_type,
        financial_year_start,
        target_rank_grade_code,
        coalesce(process_id, 'ALL') as process_id,
        stage_code,
        stage_order,
        characteristic,
        group_code,
        count(*) as entered,
        count(*) filter (where outcome_code = 'PASSED') as passed,
        count(*) filter (where outcome_code = 'FAILED') as failed,
        count(*) filter (where outcome_code = 'WITHDRAWN') as withdrawn
    from by_characteristic
    group by grouping sets (
        (process_type, financial_year_start, target_rank_grade_code, process_id, stage_code, stage_order,
         characteristic, group_code),
        (process_type, financial_year_start, target_rank_grade_code, stage_code, stage_order, characteristic,
         group_code)
    )
),

described as (
    select
        counted.*,
        counted.passed + counted.failed as assessed,
        characteristic_groups.is_disclosed,
        characteristic_groups.is_reference_group,
        sum(counted.entered) filter (where counted.stage_order = 1) over candidate_group as applied
    from counted
    inner join characteristic_groups
        on counted.characteristic = characteristic_groups.characteristic
        and counted.group_code = characteristic_groups.group_code
    window candidate_group as (partition by counted.process_type, counted.financial_year_start,
                                            counted.target_rank_grade_code, counted.process_id,
                                            counted.characteristic, counted.group_code)
),

with_reference as (
    select
        described.*,
        {{ share('described.passed', 'described.assessed') }} as pass_rate,
        {{ share('described.passed', 'described.entered') }} as progression_rate,
        coalesce(sum(passed) filter (where is_reference_group) over stage_slice, 0) as reference_passed,
        coalesce(sum(passed + failed) filter (where is_reference_group) over stage_slice, 0) as reference_assessed,
        max({{ share('described.passed', 'described.entered') }}) filter (where is_disclosed) over stage_slice
            as highest_progression_rate
    from described
    window stage_slice as (partition by process_type, financial_year_start, target_rank_grade_code, process_id,
                                        stage_code, characteristic)
),

measured as (
    select
        -- slice
        process_type,
        financial_year_start,
        target_rank_grade_code,
        process_id,
        stage_code,
        stage_order,
        characteristic,
        group_code,
        is_disclosed,
        is_reference_group,
        -- counts
        applied,
        entered,
        passed,
        failed,
        withdrawn,
        assessed,
        reference_passed,
        reference_assessed,
        -- measures
        pass_rate,
        {{ wilson_limit('passed', 'assessed', 'lower') }} as pass_rate_lower_95,
        {{ wilson_limit('passed', 'assessed', 'upper') }} as pass_rate_upper_95,
        {{ share('reference_passed', 'reference_assessed') }} as reference_pass_rate,
        {{ rate_ratio('passed', 'assessed', 'reference_passed', 'reference_assessed') }} as relative_likelihood,
        {{ proportion_ratio_limit('passed', 'assessed', 'reference_passed', 'reference_assessed', 'lower') }}
            as relative_likelihood_lower_95,
        {{ proportion_ratio_limit('passed', 'assessed', 'reference_passed', 'reference_assessed', 'upper') }}
            as relative_likelihood_upper_95,
        progression_rate,
        case when is_disclosed and highest_progression_rate > 0 then progression_rate / highest_progression_rate end
            as adverse_impact_ratio,
        {{ share('passed', 'applied') }} as cumulative_conversion
    from with_reference
)

select
    measured.*,
    measured.adverse_impact_ratio < 0.8 as is_adverse_impact
from measured
