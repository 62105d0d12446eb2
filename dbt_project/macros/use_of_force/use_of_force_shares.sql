{#- The columns one share cell of use of force is per (int_use_of_force_share_cells). -#}
{% macro use_of_force_share_cell_grain() -%}
    {{ return(['month_start', 'lpu_code', 'stratum', 'ethnic_group', 'measure', 'counted_unit']) }}
{%- endmacro %}

{#- The body of int_use_of_force_share_counts[_perturbed]: the share cells of `cells`, exact or perturbed
    (int_use_of_force_share_cells[_perturbed]), added up into financial years x measure x broad ethnic group, with
    the reference group's counts beside them. -#}
{% macro use_of_force_share_counts(cells) -%}
with cells as (
    select * from {{ cells }}
),

periods as (
    select * from {{ ref('int_use_of_force_reporting_periods') }}
    where period_type = 'financial_year'
),

counted as (
    select
        periods.period_type,
        periods.period_start,
        periods.period_end,
        cells.measure,
        cells.counted_unit,
        cells.ethnic_group,
        sum(cells.units_counted)::bigint as units_counted,
        sum(cells.units_with_measure)::bigint as units_with_measure
    from cells
    inner join periods on cells.month_start = periods.month_start
    group by periods.period_type, periods.period_start, periods.period_end, cells.measure, cells.counted_unit,
             cells.ethnic_group
),

with_reference as (
    select
        counted.*,
        {{ reference_counts(['units_counted', 'units_with_measure'], window='measure_slice') }}
    from counted
    window measure_slice as (partition by period_type, period_start, measure)
)

select * from with_reference
{%- endmacro %}

{#- The body of mart_use_of_force_shares[_perturbed]: of the units of each broad ethnic group, the share a measure
    holds for, with a Wilson interval and the ratio to the reference group's share (MOVER-Wilson), by financial
    year, from `counts` (int_use_of_force_share_counts or its perturbed twin); beside each ratio, whether it stands
    after false discovery rate control within its family (a measure in a period). -#}
{% macro use_of_force_shares(counts) -%}
with counts as (
    select * from {{ counts }}
),

measured as (
    select
        -- period and slice
        counts.period_type,
        counts.period_start,
        counts.period_end,
        'FORCE' as area_code,
        counts.measure,
        counts.counted_unit,
        'officer-defined' as ethnicity_basis,
        counts.ethnic_group,
        '{{ var("reference_ethnic_group") }}' as reference_group,
        -- the group
        counts.units_counted,
        counts.units_with_measure,
        {{ share_with_interval('counts.units_with_measure', 'counts.units_counted', 'share') }},
        -- the reference group
        counts.reference_units_counted,
        counts.reference_units_with_measure,
        {{ share('counts.reference_units_with_measure', 'counts.reference_units_counted') }} as reference_share,
        -- the ratio
        {{ ratio_with_interval('counts.units_with_measure', 'counts.units_counted', 'counts.reference_units_with_measure',
                               'counts.reference_units_counted', 'share_ratio', of='proportions') }}
    from counts
    where counts.ethnic_group <> 'Not stated'
),

-- whether each ratio stands after false discovery rate control; family: a measure in a period
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'share_ratio', ['period_type', 'period_start', 'measure'],
        tested="measured.ethnic_group <> measured.reference_group") }}
)

select * from controlled
{%- endmacro %}
