{#- The body of mart_stop_search_benchmark[_perturbed]: the force's own rates beside the official published rates
    (Home Office, GOV.UK Ethnicity facts and figures) for the same financial year, and beside its peer forces. The
    official rate is also recomputed from the published counts and populations with the warehouse's own statistics.
    The warehouse's figure is counted from `cells` (int_stop_search_month_cells, or its perturbed twin for what is
    published) on the official definition: people searched (police.uk's vehicle-only searches left out), self-
    defined ethnicity on the official ONS 2001 5+1 groups (Chinese in Other), over the official population; what
    still differs is named per row. No ratio for "All" (it is not a group to compare with White). -#}
{% macro stop_search_benchmark(cells) -%}
with official as (
    select * from {{ ref('int_home_office_force_rates') }}
),

peers as (
    select * from {{ ref('peer_forces') }}
),

cells as (
    select * from {{ cells }}
    where ethnicity_basis = 'self-defined'
),

months as (
    select * from {{ ref('int_stop_search_months') }}
),

warehouse_years as (
    select distinct period_start, is_complete_period, months_with_data, months_partial
    from {{ ref('mart_stop_search_disproportionality') }}
    where period_type = 'financial_year'
),

own_force as (
    select distinct force_name from peers
),

official_white as (
    select geography, financial_year, searches as white_searches, population as white_population
    from official
    where ethnicity = '{{ var("reference_ethnic_group") }}'
),

{#- People searched, by financial year and the official 5+1 group (Census 2021's Asian Chinese is Other
    there; not stated is the official Unreported), and in all (as the official "All" row counts them): sums of
    the month cells' searches of people (vehicle-only searches left out). -#}
like_for_like_searches as (
    select
        {{ financial_year_start('cells.month_start') }} as financial_year_start,
        case when grouping(official_groups.ethnic_group) = 1 then 'All' else official_groups.ethnic_group end
            as ethnic_group,
        sum(cells.searches_of_people)::bigint as searches
    from cells
    cross join lateral (
        select case when cells.detailed_ethnic_group = 'ASIAN_CHINESE' then 'Other'
                    when cells.broad_ethnic_group = 'Not stated' then 'Unreported'
                    else cells.broad_ethnic_group end as ethnic_group
    ) as official_groups
    group by grouping sets ((1, official_groups.ethnic_group), (1))
),

police_uk_years as (
    select
        {{ financial_year_start('month_start') }} as financial_year_start,
        bool_or(coalesce(sources, '') like '%police_uk%') as has_police_uk_months
    from months
    group by 1
),

like_for_like_white as (
    select financial_year_start, searches as white_searches
    from like_for_like_searches
    where ethnic_group = '{{ var("reference_ethnic_group") }}'
),

benchmarked as (
    select
        -- where and when
        official.financial_year,
        official.financial_year_start,
        official.geography as force_name,
        official.geography in (select own_force.force_name from own_force) as is_own_force,
        official.geography in (select peers.peer_force_name from peers) as is_peer_force,
        official.ethnicity as ethnic_group,
        -- published figures
        official.searches as official_searches,
        official.population as official_population,
        official.published_rate_per_1000 as official_published_rate_per_1000,
        {{ rate_per_1000('official.searches', 'official.population') }} as official_recomputed_rate_per_1000,
        case when official.ethnicity <> 'All' then
            {{ rate_ratio('official.searches', 'official.population', 'official_white.white_searches', 'official_white.white_population') }}
        end as official_rate_ratio,
        case when official.ethnicity <> 'All' then
            {{ rate_ratio_limit('official.searches', 'official.population', 'official_white.white_searches', 'official_white.white_population', 'lower') }}
        end as official_rate_ratio_lower_95,
        case when official.ethnicity <> 'All' then
            {{ rate_ratio_limit('official.searches', 'official.population', 'official_white.white_searches', 'official_white.white_population', 'upper') }}
        end as official_rate_ratio_upper_95,
        -- the warehouse's own figures on the official definition, over the official population (own force,
        -- where the data covers the year)
        warehouse.searches as warehouse_searches,
        {{ withheld_unless_complete(rate_per_1000('warehouse.searches', 'official.population'), 'warehouse_years.is_complete_period') }}
            as warehouse_rate_per_1000,
        case when official.ethnicity <> 'All' then
            {{ rate_ratio('warehouse.searches', 'official.population', 'warehouse_white.white_searches', 'official_white.white_population') }}
        end as warehouse_rate_ratio,
        warehouse_years.is_complete_period as warehouse_year_is_complete,
        -- what still differs from the official definition, in words (null: nothing known)
        nullif(concat_ws('; ',
            case when warehouse.searches is not null and not warehouse_years.is_complete_period
                 then 'warehouse year incomplete (' || warehouse_years.months_with_data || ' of 12 months with data, '
                      || warehouse_years.months_partial || ' partial)' end,
            case when warehouse.searches is not null and police_uk_years.has_police_uk_months
                 then 'some months from police.uk, not the force''s own return' end
        ), '') as definition_differences
    from official
    left join official_white
        on official.geography = official_white.geography
        and official.financial_year = official_white.financial_year
    left join like_for_like_searches as warehouse
        on official.financial_year_start = warehouse.financial_year_start
        and official.ethnicity = warehouse.ethnic_group
        and official.geography in (select own_force.force_name from own_force)
    left join like_for_like_white as warehouse_white
        on warehouse.financial_year_start = warehouse_white.financial_year_start
    left join warehouse_years
        on warehouse.financial_year_start = warehouse_years.period_start
    left join police_uk_years
        on warehouse.financial_year_start = police_uk_years.financial_year_start
    where official.geography in (select own_force.force_name from own_force)
       or official.geography in (select peers.peer_force_name from peers)
)

select * from benchmarked
{%- endmacro %}
