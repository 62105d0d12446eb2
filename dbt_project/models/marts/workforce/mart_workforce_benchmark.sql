{#- The force's workforce from the HR snapshots beside the Home Office's published police workforce
    statistics for the same force (var police_uk_force) and date (31 March and 30 September): headcount and
    FTE by workforce type, each type's share of the paid workforce computed for both sources by the same macro
    (workforce_composition), and the difference. Only dates the HR snapshots cover; the published tables carry
    no ethnicity, so this reconciles the extract's size and shape, not its representation. -#}
with published as (
    select as_at, workforce_type_code, measure, value
    from {{ ref('home_office_police_workforce') }}
    where force_slug = '{{ var("police_uk_force") }}'
),

published_dates as (
    select distinct as_at from published
),

warehouse as (
    select
        published_dates.as_at,
        month_ends.workforce_type_code,
        measures.measure,
        sum(measures.amount) as value
    from published_dates
    inner join {{ ref('fct_workforce_month_end') }} as month_ends on month_ends.month_end = published_dates.as_at
    cross join lateral (values ('HEADCOUNT', 1::numeric), ('FTE', month_ends.fte)) as measures (measure, amount)
    group by 1, 2, 3
),

both_sources as (
    select 'home_office' as source, published.* from published
    where published.as_at in (select as_at from warehouse)
    union all
    select 'warehouse', warehouse.* from warehouse
),

composed as (
    {{ workforce_composition('both_sources') }}
)

select
    coalesce(home_office.as_at, warehouse.as_at) as as_at,
    coalesce(home_office.workforce_type_code, warehouse.workforce_type_code) as workforce_type_code,
    coalesce(home_office.measure, warehouse.measure) as measure,
    home_office.value as home_office_value,
    warehouse.value as warehouse_value,
    warehouse.value - home_office.value as difference,
    home_office.share_of_paid_workforce as home_office_share_of_paid_workforce,
    warehouse.share_of_paid_workforce as warehouse_share_of_paid_workforce
from (select * from composed where source = 'home_office') as home_office
full join (select * from composed where source = 'warehouse') as warehouse
    on home_office.as_at = warehouse.as_at
    and home_office.workforce_type_code = warehouse.workforce_type_code
    and home_office.measure = warehouse.measure
