{{ config(alias='promotion_funnel') }}
{#- What BI reads: the promotion funnel with small numbers suppressed (docs/methodology.md, Workforce). -#}
with funnel as (
    select * from {{ ref('mart_promotion_funnel') }}
),

suppressed as (
    {{ published_funnel('funnel') }}
)

select * from suppressed
