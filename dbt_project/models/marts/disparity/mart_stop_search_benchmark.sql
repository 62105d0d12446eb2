{#- The force's own rates beside the official published rates (Home Office, GOV.UK Ethnicity facts and
    figures) for the same financial year, and beside its peer forces. The official rate is also recomputed
    from the published counts and populations with the warehouse's own statistics. -#}
with official as (
    select * from {{ ref('stg_home_office__stop_search_rates') }}
    where ethnicity_classification in ('ONS 2001 5+1', 'All')
      and geography_type = 'Police Force Area'
),

peers as (
    select * from {{ ref('peer_forces') }}
),

warehouse_rates as (
    select * from {{ ref('mart_stop_search_disproportionality') }}
    where period_type = 'financial_year' and area_code = 'FORCE' and legislation_group = 'All'
      and ethnicity_basis = 'self-defined' and ethnicity_level = 'broad'
),

own_force as (
    select distinct force_name from peers
),

official_white as (
    select geography, financial_year, searches as white_searches, population as white_population
    from official
    where ethnicity = '{{ var("reference_ethnic_group") }}'
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
        {{ rate_ratio('official.searches', 'official.population', 'official_white.white_searches', 'official_white.white_population') }}
            as official_rate_ratio,
        {{ rate_ratio_limit('official.searches', 'official.population', 'official_white.white_searches', 'official_white.white_population', 'lower') }}
            as official_rate_ratio_lower_95,
        {{ rate_ratio_limit('official.searches', 'official.population', 'official_white.white_searches', 'official_white.white_population', 'upper') }}
            as official_rate_ratio_upper_95,
        -- the warehouse's own figures for the same year (own force only, where the data covers the year)
        warehouse_rates.searches as warehouse_searches,
        warehouse_rates.rate_per_1000 as warehouse_rate_per_1000,
        warehouse_rates.rate_ratio as warehouse_rate_ratio,
        warehouse_rates.is_complete_period as warehouse_year_is_complete
    from official
    left join official_white
        on official.geography = official_white.geography
        and official.financial_year = official_white.financial_year
    left join warehouse_rates
        on official.financial_year_start = warehouse_rates.period_start
        and official.ethnicity = warehouse_rates.ethnic_group
        and official.geography in (select own_force.force_name from own_force)
    where official.geography in (select own_force.force_name from own_force)
       or official.geography in (select peers.peer_force_name from peers)
)

select * from benchmarked
