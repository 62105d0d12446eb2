{#- Model body of an outcome test below force level from its month cells (`cells`: unit_share_cells of each unit
    level, with unit_level): the shares of each unit's events by group against the same
    unit's reference group (macro unit_share_test) for its `measures`, a family per unit level, over the
    source's `periods` (macro oversight_periods), with each period's coverage; from perturbed counts with
    `perturbed`. -#}
{% macro oversight_share_model(cells, periods, measures, perturbed=false) -%}
with cells as (
    select * from {{ cells }}
),

periods as (
    select * from {{ periods }}
),

units as (
    {{ unit_share_test('cells', measures, 'periods', partition=['unit_level', 'ethnicity_basis'], perturbed=perturbed) }}
),

final as (
    select
        units.*,
        coverage.months_partial,
        coverage.is_complete_period
    from units
    inner join (select distinct period_type, period_start, months_partial, is_complete_period from periods) as coverage
        on units.period_type = coverage.period_type and units.period_start = coverage.period_start
)

select * from final
{%- endmacro %}
