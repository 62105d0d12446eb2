{#- The body of mart_recruitment_target[_perturbed], the monthly counts from `cells` (int_recruitment_target_cells,
    exact or perturbed; the counts to date their running sums): progress against the recruitment commitment,
    var('recruitment_target') ethnic-minority officer recruits (appointed in a recruitment process for an officer role, ethnicity disclosed and not White) within
    var('recruitment_target_years') years from var('recruitment_target_start'). One row per month of the
    commitment up to the latest month with an officer appointment: recruits in the month and to date, the target pro
    rata to date, and ethnic-minority recruits' share of all recruits who disclosed their ethnicity (Wilson
    interval) against the ethnic-minority share of the force area's population (Census 2021). -#}
{% macro recruitment_target_mart(cells) -%}
with population as (
    select * from {{ ref('int_population_by_area') }}
    where ethnicity_level = 'broad' and area_code = 'FORCE' and census_year = 2021
),

population_share as (
    select {{ share("sum(population) filter (where ethnic_group <> '" ~ var('reference_ethnic_group') ~ "')", 'sum(population)') }}
        as population_minority_share
    from population
),

appointed as (
    select * from {{ cells }}
),

months as (
    select
        generated.month_start::date as month_start,
        row_number() over (order by generated.month_start) as months_elapsed
    from generate_series('{{ var("recruitment_target_start") }}'::date,
                         '{{ var("recruitment_target_start") }}'::date
                         + make_interval(years => {{ var('recruitment_target_years') }}) - interval '1 month',
                         interval '1 month') as generated (month_start)
    where generated.month_start <= (select max(month_start) from appointed)
),

cumulative as (
    select
        months.month_start,
        months.months_elapsed,
        coalesce(appointed.recruits, 0) as recruits,
        coalesce(appointed.ethnic_minority_recruits, 0) as ethnic_minority_recruits,
        coalesce(appointed.undisclosed_recruits, 0) as undisclosed_recruits,
        sum(coalesce(appointed.recruits, 0)) over to_date as recruits_to_date,
        sum(coalesce(appointed.ethnic_minority_recruits, 0)) over to_date as ethnic_minority_recruits_to_date,
        sum(coalesce(appointed.recruits, 0) - coalesce(appointed.undisclosed_recruits, 0)) over to_date
            as disclosed_recruits_to_date
    from months
    left join appointed on months.month_start = appointed.month_start
    window to_date as (order by months.month_start)
),

measured as (
    select
        cumulative.*,
        {{ var('recruitment_target') }} as target,
        '{{ var("recruitment_target_start") }}'::date as target_start,
        ('{{ var("recruitment_target_start") }}'::date + make_interval(years => {{ var('recruitment_target_years') }}))::date
            as target_end,
        round({{ var('recruitment_target') }}::numeric * cumulative.months_elapsed
              / (12 * {{ var('recruitment_target_years') }}), 1) as target_to_date,
        {{ share('cumulative.ethnic_minority_recruits_to_date', var('recruitment_target')) }} as progress_share,
        {{ share_with_interval('cumulative.ethnic_minority_recruits_to_date', 'cumulative.disclosed_recruits_to_date', 'ethnic_minority_share_of_recruits', interval='ethnic_minority_share') }},
        population_share.population_minority_share
    from cumulative
    cross join population_share
)

select
    measured.*,
    measured.ethnic_minority_recruits_to_date >= measured.target_to_date as is_on_track
from measured
{%- endmacro %}
