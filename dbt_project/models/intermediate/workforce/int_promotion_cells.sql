{#- The finest cells every published promotion count adds up: financial year x rank (the officer's on 31 March
    before the year) x promotion type x characteristic x group, with the eligible pool (the officers in the rank
    that day) and those of them promoted in the year with a promotion of the type from that rank, each with the sum
    of its people's keys (macro record_key), from which the cell's perturbation follows
    (int_promotion_cells_perturbed). The pool is the same people for both promotion types, so it gets the same
    perturbation in both. -#}
with month_ends as (
    select * from {{ ref('int_workforce_month_ends') }}
),

events as (
    select * from {{ ref('int_workforce_events_described') }}
    where event_type_code in ('PROMOTION_SUBSTANTIVE', 'PROMOTION_TEMPORARY')
),

pools as (
    select
        (month_ends.month_end + 1) as financial_year_start,
        month_ends.*,
        {{ record_key('month_ends.person_id') }} as person_key
    from month_ends
    where month_ends.workforce_type_code = 'OFFICER' and extract(month from month_ends.month_end) = 3
),

promotions_in_year as (
    select
        pools.financial_year_start,
        pools.person_id,
        events.event_type_code as promotion_type
    from pools
    inner join events
        on events.person_id = pools.person_id
        and events.from_rank_code = pools.rank_grade_code
        and events.effective_date >= pools.financial_year_start
        and events.effective_date < pools.financial_year_start + interval '1 year'
    group by 1, 2, 3
),

promotion_types as (
    select 'PROMOTION_SUBSTANTIVE' as promotion_type union all select 'PROMOTION_TEMPORARY'
)

select
    pools.financial_year_start,
    pools.rank_grade_code,
    promotion_types.promotion_type,
    characteristics.characteristic,
    characteristics.group_code,
    {{ counts_with_record_key_sums({'eligible_pool': 'true', 'promoted': 'promotions_in_year.person_id is not null'},
                                   'pools.person_key') }}
from pools
cross join promotion_types
cross join lateral {{ workforce_characteristics('pools', with_person_only=true) }}
left join promotions_in_year
    on promotions_in_year.financial_year_start = pools.financial_year_start
    and promotions_in_year.person_id = pools.person_id
    and promotions_in_year.promotion_type = promotion_types.promotion_type
group by 1, 2, 3, 4, 5
