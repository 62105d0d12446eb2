{{ config(alias='stop_search_benchmark') }}
{#- What BI reads: official and warehouse rates side by side. The official figures are already public;
    the warehouse's own counts are suppressed below the threshold. -#}
with benchmark as (
    select * from {{ ref('mart_stop_search_benchmark') }}
),

suppressed as (
    select
        financial_year, financial_year_start, force_name, is_own_force, is_peer_force, ethnic_group,
        official_searches, official_population, official_published_rate_per_1000,
        official_recomputed_rate_per_1000, official_rate_ratio, official_rate_ratio_lower_95,
        official_rate_ratio_upper_95,
        {{ suppressed('warehouse_searches', ['warehouse_searches']) }} as warehouse_searches,
        {{ suppressed('warehouse_rate_per_1000', ['warehouse_searches']) }} as warehouse_rate_per_1000,
        {{ suppressed('warehouse_rate_ratio', ['warehouse_searches']) }} as warehouse_rate_ratio,
        warehouse_year_is_complete
    from benchmark
)

select * from suppressed
