{#- The columns of mart_workforce_representation before its measures: the slice, the counts and the sums of their
    people's keys (the perturbed twin perturbs each count from its key sum). -#}
{% macro workforce_representation_counts() -%}
    {{ return(['totals.month_end', 'totals.workforce_type_code', 'totals.breakdown', 'totals.breakdown_value',
               'totals.characteristic', 'totals.group_code', 'totals.is_disclosed', 'totals.is_reference_group',
               'totals.headcount', 'totals.headcount_record_key_sum', 'totals.fte', 'totals.total_headcount',
               'totals.total_headcount_record_key_sum', 'totals.disclosed_headcount',
               'totals.disclosed_headcount_record_key_sum']) }}
{%- endmacro %}

{#- The select ending mart_workforce_representation[_perturbed]: `counts` (the slice, headcount, fte, total and
    disclosed headcount, the benchmark) with the shares of all and of those who disclosed, the representation ratio
    against the benchmark and the gap in people (how many more of the group it would take to match it). -#}
{% macro workforce_representation_measures(counts) -%}
select
    measured.*,
    case when measured.benchmark_share > 0 then measured.share_of_disclosed / measured.benchmark_share end
        as representation_ratio,
    case when measured.benchmark_share < 1 then
        greatest(0, ceil((measured.benchmark_share * measured.disclosed_headcount - measured.headcount)
                         / (1 - measured.benchmark_share)))::integer
    end as gap_in_people
from (
    select
        counts.*,
        {{ share('counts.headcount', 'counts.total_headcount') }} as share_of_headcount,
        case when counts.is_disclosed then {{ share('counts.headcount', 'counts.disclosed_headcount') }} end
            as share_of_disclosed
    from {{ counts }} as counts
) as measured
{%- endmacro %}
