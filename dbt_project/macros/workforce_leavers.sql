{#- The body of mart_leavers[_perturbed]: who leaves, by financial year, workforce type, characteristic group and
    leaving reason ('ALL' for every reason), the leavers from `cells` (int_leaver_cells, exact or perturbed; 'ALL'
    their sum over the reasons). leaver_rate = leavers / average headcount (the group's month-end headcounts summed over the year's
    month ends the snapshots cover, divided by how many there are); rate_ratio = the group's leaver rate / the
    reference group's, with the interval of a ratio of Poisson rates (rate_ratio_limit). Length of service at
    leaving: the median years from the latest start date. A leaver's characteristics are those recorded on the
    leaving date. -#}
{% macro leavers_mart(cells) -%}
with leavers as (
    select * from {{ ref('fct_workforce_event') }} where event_type_code = 'LEAVER' and has_history
),

characteristic_groups as (
    select * from {{ ref('dim_workforce_characteristic_group') }}
),

reasons as (
    select 'ALL' as leaver_reason_code
    union all
    select code from {{ ref('hr_codes') }} where code_list = 'leaver_reason'
),

average_headcount as (
    select * from {{ ref('int_workforce_average_headcount') }}
),

leaver_counts as (
    select
        financial_year_start,
        workforce_type_code,
        characteristic,
        group_code,
        coalesce(leaver_reason_code, 'ALL') as leaver_reason_code,
        sum(leavers)::bigint as leavers
    from {{ cells }} as cells
    group by grouping sets ((1, 2, 3, 4, cells.leaver_reason_code), (1, 2, 3, 4))
),

service as (
    select
        {{ financial_year_start('leavers.effective_date') }} as financial_year_start,
        leavers.workforce_type_code,
        characteristics.characteristic,
        characteristics.group_code,
        coalesce(leavers.leaver_reason_code, 'ALL') as leaver_reason_code,
        percentile_cont(0.5) within group (order by (leavers.effective_date - leavers.start_date) / 365.25)
            as median_years_of_service
    from leavers
    cross join lateral {{ workforce_characteristics('leavers', with_person_only=true) }}
    group by grouping sets ((1, 2, 3, 4, leavers.leaver_reason_code), (1, 2, 3, 4))
),

leaver_figures as (
    select leaver_counts.*, service.median_years_of_service
    from leaver_counts
    left join service using (financial_year_start, workforce_type_code, characteristic, group_code, leaver_reason_code)
),

grid as (
    select
        average_headcount.*,
        reasons.leaver_reason_code,
        characteristic_groups.is_disclosed,
        characteristic_groups.is_reference_group,
        coalesce(leaver_figures.leavers, 0) as leavers,
        leaver_figures.median_years_of_service
    from average_headcount
    cross join reasons
    inner join characteristic_groups
        on average_headcount.characteristic = characteristic_groups.characteristic
        and average_headcount.group_code = characteristic_groups.group_code
    left join leaver_figures
        on leaver_figures.financial_year_start = average_headcount.financial_year_start
        and leaver_figures.workforce_type_code = average_headcount.workforce_type_code
        and leaver_figures.characteristic = average_headcount.characteristic
        and leaver_figures.group_code = average_headcount.group_code
        and leaver_figures.leaver_reason_code = reasons.leaver_reason_code
),

with_reference as (
    select
        grid.*,
        coalesce(sum(leavers) filter (where is_reference_group) over reason_slice, 0) as reference_leavers,
        sum(average_headcount) filter (where is_reference_group) over reason_slice as reference_average_headcount
    from grid
    window reason_slice as (partition by financial_year_start, workforce_type_code, characteristic, leaver_reason_code)
),

measured as (
    select
        financial_year_start,
        (financial_year_start + interval '1 year')::date as financial_year_end,
        month_ends_covered,
        month_ends_covered = 12 as is_complete_period,
        workforce_type_code,
        characteristic,
        group_code,
        is_disclosed,
        is_reference_group,
        leaver_reason_code,
        leavers,
        round(average_headcount, 2) as average_headcount,
        reference_leavers,
        round(reference_average_headcount, 2) as reference_average_headcount,
        {{ withheld_unless_complete(share('leavers', 'average_headcount'), 'month_ends_covered = 12') }} as leaver_rate,
        {{ withheld_unless_complete(share('reference_leavers', 'reference_average_headcount'), 'month_ends_covered = 12') }}
            as reference_leaver_rate,
        {{ ratio_with_interval('leavers', 'average_headcount', 'reference_leavers', 'reference_average_headcount', 'rate_ratio') }},
        median_years_of_service
    from with_reference
),

-- whether each ratio stands after false discovery rate control; family: a financial year, workforce type and characteristic
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'rate_ratio', ['financial_year_start', 'workforce_type_code', 'characteristic'],
        tested="measured.is_disclosed and not measured.is_reference_group") }}
)

select * from controlled
{%- endmacro %}
