{#- Average headcount by financial year, workforce type and characteristic group: the group's month-end
    headcounts summed over the year's month ends that the snapshots cover, divided by how many there are.
    The denominator of leaver rates and misconduct rates. -#}
with month_ends as (
    select * from {{ ref('int_workforce_month_ends') }}
),

months_covered as (
    select {{ financial_year_start('month_end') }} as financial_year_start, count(distinct month_end) as month_ends
    from month_ends
    group by 1
),

person_months as (
    select
        {{ financial_year_start('month_ends.month_end') }} as financial_year_start,
        month_ends.workforce_type_code,
        characteristics.characteristic,
        characteristics.group_code,
        count(*) as person_months
    from month_ends
    cross join lateral {{ workforce_characteristics('month_ends', with_person_only=true) }}
    group by 1, 2, 3, 4
)

select
    person_months.*,
    months_covered.month_ends as month_ends_covered,
    person_months.person_months::numeric / months_covered.month_ends as average_headcount
from person_months
inner join months_covered on person_months.financial_year_start = months_covered.financial_year_start
