{#- The body of the outcome-test mart: of the searches of each ethnic group, the share that found what was searched for, the
    share ending in arrest and the share removing more than outer clothing, each with a Wilson interval and
    a ratio to the reference group's share. `counts` is
    int_stop_search_period_counts (the exact mart, analysts only) or int_stop_search_period_counts_perturbed (the
    mart reporting publishes). -#}
{% macro stop_search_outcomes(counts) -%}
with counts as (
    select * from {{ counts }}
    where ethnicity_level = 'broad'
),

areas as (
    select * from {{ ref('dim_geography') }}
),

{#- The reference group's counts come from window functions over the slice (no self-join). -#}
joined as (
    select
        counts.*,
        {{ reference_counts(['searches', 'searches_finding_object', 'searches_ending_in_arrest',
                             'searches_removing_more_than_outer_clothing']) }}
    from counts
    window reference_slice as (partition by period_type, period_start, area_code, legislation_group, ethnicity_basis)
),

{%- set measures = [
    ('find', 'searches_finding_object'),
    ('arrest', 'searches_ending_in_arrest'),
    ('more_than_outer_clothing', 'searches_removing_more_than_outer_clothing'),
] %}

measured as (
    select
        -- period, area and slice
        joined.period_type,
        joined.period_start,
        joined.period_end,
        joined.months_partial,
        joined.is_complete_period,
        joined.area_code,
        areas.area_name,
        joined.legislation_group,
        joined.ethnicity_basis,
        joined.ethnic_group,
        '{{ var("reference_ethnic_group") }}' as reference_group,
        joined.searches,
        joined.reference_searches,
        {%- for name, column in measures %}
        -- {{ name }}
        joined.{{ column }},
        joined.reference_{{ column }},
        {{ share_with_interval('joined.' ~ column, 'joined.searches', name ~ '_share') }},
        {{ share('joined.reference_' ~ column, 'joined.reference_searches') }} as reference_{{ name }}_share,
        {{ ratio_with_interval('joined.' ~ column, 'joined.searches', 'joined.reference_' ~ column, 'joined.reference_searches',
                               name ~ '_share_ratio', of='proportions') }}{{ ',' if not loop.last }}
        {%- endfor %}
    from joined
    inner join areas on joined.area_code = areas.area_code
    where joined.ethnic_group <> 'Not stated'
),

{#- whether each ratio stands after false discovery rate control; family: an outcome, a period and an
    ethnicity basis -#}
{%- set ratios, names = [], [] %}
{%- for name, column in measures %}{% do ratios.append(name ~ '_share_ratio') %}{% do names.append(name ~ '_ratio') %}{% endfor %}

controlled as (
    {{ ratios_with_false_discovery_control('measured', ratios, ['period_type', 'period_start', 'ethnicity_basis'],
        tested="ethnic_group <> reference_group", name=names) }}
),

final as (
    select * from controlled
)

select * from final
{%- endmacro %}
