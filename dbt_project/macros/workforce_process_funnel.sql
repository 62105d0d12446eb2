{#- The body of int_process_funnel[_perturbed]: the funnel of recruitment and promotion processes, by
    characteristic group: at each stage, candidates entering, passing, failing and withdrawing, for each process
    and for all processes of a target role that opened in a financial year (process_id 'ALL'), the counts from
    `cells` (int_process_stage_cells, exact or perturbed; 'ALL' their sum over the processes). Measures (docs/methodology.md, Workforce):
    - pass_rate = passed / (passed + failed): withdrawals are not failures and leave the denominator;
    - relative_likelihood = the group's pass_rate / the reference group's, MOVER-Wilson interval;
    - progression_rate = passed / entered, and adverse_impact_ratio = the group's progression rate / the
      highest progression rate of any disclosed group at that stage; is_adverse_impact applies the
      four-fifths rule to the counts (is_adverse_impact: integer cross-products, so exactly 4/5 is not adverse);
    - cumulative_conversion = passed this stage / applied (entered the process's first stage). -#}
{% macro process_funnel(cells) -%}
with characteristic_groups as (
    select * from {{ ref('int_workforce_characteristic_groups') }}
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
        {%- for count in funnel_counts() %}
        sum({{ count }})::bigint as {{ count }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ cells }}
    group by grouping sets (
        (process_type, financial_year_start, target_rank_grade_code, process_id, stage_code, stage_order,
         characteristic, group_code),
        (process_type, financial_year_start, target_rank_grade_code, stage_code, stage_order, characteristic,
         group_code)
    )
),

with_last_stage as (
    select counted.*, max(counted.stage_order) over (partition by counted.process_type) as last_stage_order
    from counted
),

{#- Every stage at once (stage 'ALL_STAGES', ordered after the others): of the group's applicants (entrants to
    the first stage), passed = those who passed the process's last stage (appointed or promoted), withdrawn =
    those who withdrew at any stage, failed = the rest (failed at a stage, or still in the process when the
    data ends). -#}
whole_process_by_process as (
    select
        process_type,
        financial_year_start,
        target_rank_grade_code,
        process_id,
        'ALL_STAGES' as stage_code,
        100 as stage_order,
        characteristic,
        group_code,
        entered,
        passed,
        entered - passed - least(withdrawn, entered - passed) as failed,
        least(withdrawn, entered - passed) as withdrawn
    from (
        -- those who passed the last stage and those who withdrew are never more than the applicants (from
        -- perturbed cells of different stages they could be; exact counts are left as they are)
        select
            process_type, financial_year_start, target_rank_grade_code, process_id, characteristic, group_code,
            coalesce(sum(entered) filter (where stage_order = 1), 0) as entered,
            least(coalesce(sum(passed) filter (where stage_order = last_stage_order), 0),
                  coalesce(sum(entered) filter (where stage_order = 1), 0)) as passed,
            sum(withdrawn) as withdrawn
        from with_last_stage
        where process_id <> 'ALL'
        group by process_type, financial_year_start, target_rank_grade_code, process_id, characteristic, group_code
    ) as applicants
),

-- process 'ALL': the sums of the processes' rows, so it is the sum of what they publish
whole_process as (
    select * from whole_process_by_process
    union all
    select
        process_type, financial_year_start, target_rank_grade_code, 'ALL', stage_code, stage_order, characteristic,
        group_code, sum(entered), sum(passed), sum(failed), sum(withdrawn)
    from whole_process_by_process
    group by process_type, financial_year_start, target_rank_grade_code, stage_code, stage_order, characteristic,
             group_code
),

stages_and_whole_process as (
    select * from counted
    union all
    select * from whole_process
),

described as (
    select
        stages_and_whole_process.*,
        stages_and_whole_process.passed + stages_and_whole_process.failed as assessed,
        characteristic_groups.is_disclosed,
        characteristic_groups.is_reference_group,
        sum(stages_and_whole_process.entered) filter (where stages_and_whole_process.stage_order = 1)
            over candidate_group as applied
    from stages_and_whole_process
    inner join characteristic_groups
        on stages_and_whole_process.characteristic = characteristic_groups.characteristic
        and stages_and_whole_process.group_code = characteristic_groups.group_code
    window candidate_group as (partition by stages_and_whole_process.process_type,
                                            stages_and_whole_process.financial_year_start,
                                            stages_and_whole_process.target_rank_grade_code,
                                            stages_and_whole_process.process_id,
                                            stages_and_whole_process.characteristic,
                                            stages_and_whole_process.group_code)
),

with_reference as (
    select
        described.*,
        {{ share('described.passed', 'described.assessed') }} as pass_rate,
        {{ share('described.passed', 'described.entered') }} as progression_rate,
        coalesce(sum(passed) filter (where is_reference_group) over stage_slice, 0) as reference_passed,
        coalesce(sum(passed + failed) filter (where is_reference_group) over stage_slice, 0) as reference_assessed,
        first_value(passed) over best_progression_first as best_passed,
        first_value(entered) over best_progression_first as best_entered
    from described
    window stage_slice as (partition by process_type, financial_year_start, target_rank_grade_code, process_id,
                                        stage_code, characteristic),
           best_progression_first as (stage_slice order by
               case when is_disclosed then {{ share('described.passed', 'described.entered') }} end desc nulls last)
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
        {{ ratio_with_interval('passed', 'assessed', 'reference_passed', 'reference_assessed', 'relative_likelihood', of='proportions') }},
        progression_rate,
        case when is_disclosed and best_passed > 0 then progression_rate / {{ share('best_passed', 'best_entered') }} end
            as adverse_impact_ratio,
        case when is_disclosed then {{ is_adverse_impact('passed', 'entered', 'best_passed', 'best_entered') }} end
            as is_adverse_impact,
        {{ share('passed', 'applied') }} as cumulative_conversion
    from with_reference
),

-- whether each ratio stands after false discovery rate control; family: a process type (recruitment or promotion), financial year and characteristic
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'relative_likelihood', ['process_type', 'financial_year_start', 'characteristic'],
        tested="measured.is_disclosed and not measured.is_reference_group") }}
)

select * from controlled
{%- endmacro %}
