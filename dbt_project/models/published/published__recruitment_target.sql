{{ config(alias='recruitment_target') }}
{#- What BI reads: progress against the recruitment commitment; monthly counts below the threshold suppressed
    (the running totals are published once they reach it). -#}
with target as (
    select * from {{ ref('mart_recruitment_target') }}
),

suppressed as (
    select
        month_start, months_elapsed, target, target_start, target_end, target_to_date,
        {%- for count in ['recruits', 'ethnic_minority_recruits', 'undisclosed_recruits', 'recruits_to_date', 'ethnic_minority_recruits_to_date', 'disclosed_recruits_to_date'] %}
        {{ suppressed(count, [count]) }} as {{ count }},
        {%- endfor %}
        {{ suppressed('progress_share', ['ethnic_minority_recruits_to_date']) }} as progress_share,
        {%- for share in ['ethnic_minority_share_of_recruits', 'ethnic_minority_share_lower_95', 'ethnic_minority_share_upper_95'] %}
        {{ suppressed(share, ['ethnic_minority_recruits_to_date', 'disclosed_recruits_to_date']) }} as {{ share }},
        {%- endfor %}
        population_minority_share,
        is_on_track
    from target
)

select * from suppressed
