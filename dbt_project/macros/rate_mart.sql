{#- The body of a rate mart (custody, use of force): `events` per 1,000 residents of each broad ethnic group and
    the ratio to the reference group's rate, for every period x area x `slice` of `counts` (a period-counts
    relation, exact or perturbed), with the counts named in `beside` shown next to them, and whether each ratio
    stands after Benjamini-Hochberg control within its period. The population base is all residents of the group
    (Census, all ages); `ethnicity_basis` names how the group was recorded. -#}
{% macro rate_mart(counts, events, ethnicity_basis, slice=[], beside=[]) -%}
with counts as (
    select * from {{ counts }}
),

population as (
    select * from {{ ref('int_population_by_area') }}
    where ethnicity_level = 'broad'
),

areas as (
    select * from {{ ref('dim_geography') }}
),

joined as (
    {{ with_reference_population('counts', 'population', events, ['period_type', 'period_start', 'area_code'] + slice) }}
),

measured as (
    select
        -- period
        joined.period_type,
        joined.period_start,
        joined.period_end,
        joined.months_in_period,
        joined.months_with_data,
        joined.months_partial,
        joined.is_complete_period,
        -- slice
        joined.area_code,
        areas.area_name,
        {%- for column in slice %}
        joined.{{ column }},
        {%- endfor %}
        '{{ ethnicity_basis }}' as ethnicity_basis,
        joined.ethnic_group,
        '{{ var("reference_ethnic_group") }}' as reference_group,
        joined.census_year as population_census_year,
        {%- for column in beside %}
        joined.{{ column }},
        {%- endfor %}
{{ rate_against_reference(events) }}
    from joined
    inner join areas on joined.area_code = areas.area_code
    where joined.population is not null and joined.reference_population is not null
),

-- whether each ratio stands after false discovery rate control; family: a period
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'rate_ratio', ['period_type', 'period_start'],
        tested="measured.ethnic_group <> measured.reference_group") }}
)

select * from controlled
{%- endmacro %}
