{#- CTE body: the rows of `counts` (one per slice x broad ethnic group: period_start, period_end, area_code,
    ethnic_group and the count `events`) with the group's Census population from `population` (broad rows of
    int_population_by_area; the census of the period, macro population_census_year), and over each slice (the
    `slice` columns of `counts`) the reference group's count and population (reference_<events>,
    reference_population), all the slice's events (all_<events>) and those with ethnicity not stated
    (not_stated_<events>): the inputs of a rate per 1,000 residents and its ratio to the reference group. -#}
{% macro with_reference_population(counts, population, events, slice) -%}
    {%- set reference = "ethnic_group = '" ~ var('reference_ethnic_group') ~ "'" -%}
    select
        {{ counts }}.*,
        {{ population }}.census_year,
        {{ population }}.population,
        sum({{ counts }}.{{ events }}) filter (where {{ counts }}.{{ reference }}) over reference_slice
            as reference_{{ events }},
        sum({{ population }}.population) filter (where {{ counts }}.{{ reference }}) over reference_slice
            as reference_population,
        sum({{ counts }}.{{ events }}) over reference_slice as all_{{ events }},
        coalesce(sum({{ counts }}.{{ events }}) filter (where {{ counts }}.ethnic_group = 'Not stated')
            over reference_slice, 0) as not_stated_{{ events }}
    from {{ counts }}
    left join {{ population }}
        on {{ population }}.census_year = {{ population_census_year(counts ~ '.period_start', counts ~ '.period_end') }}
        and {{ counts }}.area_code = {{ population }}.area_code
        and {{ counts }}.ethnic_group = {{ population }}.ethnic_group
    window reference_slice as (partition by {% for column in slice %}{{ counts }}.{{ column }}{{ ', ' if not loop.last }}{% endfor %})
{%- endmacro %}
