{#- The body of the disproportionality mart: stop-and-search rates per 1,000 residents by ethnic group, and their ratio to the reference group's rate,
    for every period, area, legislation group and ethnicity basis, and whether the ratio stands after
    Benjamini-Hochberg control within its period and ethnicity classification. `counts` is
    int_stop_search_period_counts (the exact mart, analysts only) or int_stop_search_period_counts_perturbed (the
    mart reporting publishes). -#}
{% macro stop_search_disproportionality(counts) -%}
with counts as (
    select * from {{ counts }}
),

population as (
    select * from {{ ref('int_population_by_area') }}
),

areas as (
    select * from {{ ref('dim_geography') }}
),

ethnic_groups as (
    select * from {{ ref('ethnic_groups') }}
),

recording as (
    select * from {{ ref('ethnic_group_recording') }}
),

periods as (
    select * from {{ ref('int_stop_search_reporting_periods') }}
),

months as (
    select * from {{ ref('int_stop_search_months') }}
),

{#- Which sources a period's searches came from: a group the force's codes cannot record apart is still
    recorded in months counted from police.uk. -#}
period_sources as (
    select
        periods.period_type,
        periods.period_start,
        bool_or(months.sources like '%force%') as has_force_months,
        bool_or(months.sources like '%police_uk%') as has_police_uk_months
    from periods
    inner join months on periods.month_start = months.month_start
    group by periods.period_type, periods.period_start
),

{#- Whether the period's recording schemes can record the group as the census counts it. -#}
group_recording as (
    select
        period_sources.period_type,
        period_sources.period_start,
        recording.ethnicity_basis,
        recording.ethnicity_level,
        recording.ethnic_group,
        case
            when recording.recording = 'not recordable' and not coalesce(period_sources.has_police_uk_months, false)
                then 'not applicable: ' || recording.note
            when recording.recording = 'not recordable'
                then 'recorded in police.uk months only: ' || recording.note
            else 'population does not match: ' || recording.note
        end as recording_status
    from period_sources
    inner join recording
        on recording.source_system = 'force' and period_sources.has_force_months
),

counts_with_population as (
    select
        counts.*,
        population.census_year,
        population.population
    from counts
    left join population
        on population.census_year = {{ population_census_year('counts.period_start', 'counts.period_end') }}
        and counts.area_code = population.area_code
        and counts.ethnicity_level = population.ethnicity_level
        and counts.ethnic_group = population.ethnic_group
),

{#- The reference group and the slice's totals come from window functions over the same slice (no
    self-joins: the planner misjudges them badly at this width). -#}
joined as (
    select
        counts_with_population.*,
        (sum(searches) filter (where ethnicity_level = 'broad' and ethnic_group = '{{ var("reference_ethnic_group") }}')
            over reference_slice)::bigint as reference_searches,
        (sum(population) filter (where ethnicity_level = 'broad' and ethnic_group = '{{ var("reference_ethnic_group") }}')
            over reference_slice)::bigint as reference_population,
        (sum(searches) over level_slice)::bigint as all_searches,
        coalesce(sum(searches) filter (where ethnic_group = 'Not stated') over level_slice, 0)::bigint as not_stated_searches
    from counts_with_population
    window
        reference_slice as (partition by period_type, period_start, area_code, legislation_group, ethnicity_basis),
        level_slice as (partition by period_type, period_start, area_code, legislation_group, ethnicity_basis,
                        ethnicity_level)
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
        -- area and slice
        joined.area_code,
        areas.area_name,
        joined.legislation_group,
        joined.ethnicity_basis,
        joined.ethnicity_level,
        joined.ethnic_group,
        coalesce(ethnic_groups.ethnic_group_label, joined.ethnic_group) as ethnic_group_label,
        coalesce(group_recording.recording_status, 'recorded') as recording_status,
        '{{ var("reference_ethnic_group") }}' as reference_group,
        joined.census_year as population_census_year,
        -- the group
        joined.searches,
        joined.population,
        {{ rate_with_interval('joined.searches', 'joined.population', complete='joined.is_complete_period') }},
        -- the reference group
        joined.reference_searches,
        joined.reference_population,
        {{ withheld_unless_complete(rate_per_1000('joined.reference_searches', 'joined.reference_population'), 'joined.is_complete_period') }}
            as reference_rate_per_1000,
        -- the ratio
        {{ ratio_with_interval('joined.searches', 'joined.population', 'joined.reference_searches', 'joined.reference_population', 'rate_ratio') }},
        {{ rate_ratio_method('joined.searches', 'joined.reference_searches') }} as rate_ratio_interval_method,
        -- ethnicity not stated: its share, and how far it could move the ratio
        joined.all_searches,
        joined.not_stated_searches,
        {{ share('joined.not_stated_searches', 'joined.all_searches') }} as not_stated_share,
        {{ rate_ratio('joined.searches + joined.not_stated_searches', 'joined.population', 'joined.reference_searches', 'joined.reference_population') }}
            as rate_ratio_if_not_stated_were_group,
        {{ rate_ratio('joined.searches', 'joined.population', 'joined.reference_searches + joined.not_stated_searches', 'joined.reference_population') }}
            as rate_ratio_if_not_stated_were_reference
    from joined
    inner join areas on joined.area_code = areas.area_code
    left join ethnic_groups on joined.ethnic_group = ethnic_groups.ethnic_group_code
    left join group_recording
        on joined.period_type = group_recording.period_type
        and joined.period_start = group_recording.period_start
        and joined.ethnicity_basis = group_recording.ethnicity_basis
        and joined.ethnicity_level = group_recording.ethnicity_level
        and joined.ethnic_group = group_recording.ethnic_group
    where joined.population is not null and joined.reference_population is not null
),

-- whether each ratio stands after false discovery rate control; family: a period and ethnicity classification
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'rate_ratio',
        ['period_type', 'period_start', 'ethnicity_basis', 'ethnicity_level'],
        tested="measured.ethnic_group <> measured.reference_group") }}
)

select * from controlled
{%- endmacro %}
