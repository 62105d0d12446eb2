{{ config(alias='recruitment_funnel') }}
{#- What BI reads: the recruitment funnel with small numbers suppressed (docs/methodology.md, Workforce). -#}
with funnel as (
    select * from {{ ref('mart_recruitment_funnel') }}
),

suppressed as (
    {{ published_funnel('funnel') }}
)

select * from suppressed
