{#- Promotion of officers by financial year, rank and characteristic group, against the eligible pool: the
    officers in the rank as at the day before the year starts (31 March). promoted = those of the pool with a
    promotion (substantive or temporary) from that rank dated in the year; promotion_rate = promoted / pool;
    relative_likelihood = the group's rate / the reference group's, Katz log interval. A year is complete when
    the snapshots reach its end. Unsuppressed: analysts only. -#}
with month_ends as (
    select * from {{ ref('fct_workforce_month_end') }}
),

events as (
    select * from {{ ref('fct_workforce_event') }}
    where event_type_code in ('PROMOTION_SUBSTANTIVE', 'PROMOTION_TEMPORARY')
),

characteristic_groups as (
    select * from {{ ref('dim_workforce_characteristic_group') }}
),

latest as (
    select max(month_end) as latest_month_end from month_ends
),

pools as (
    select
        (month_ends.month_end + 1) as financial_year_start,
        month_ends.person_id,
        month_ends.rank_grade_code,
        characteristics.characteristic,
        characteristics.group_code
    from month_ends
    cross join lateral {{ workforce_characteristics('month_ends', with_person_only=true) }}
    where month_ends.workforce_type_code = 'OFFICER' and extract(month from month_ends.month_end) = 3
),

promotion_types as (
    select 'PROMOTION_SUBSTANTIVE' as promotion_type union all select 'PROMOTION_TEMPORARY'
),

counted as (
    select
        pools.financial_year_start,
        pools.rank_grade_code,
        promotion_types.promotion_type,
        pools.characteristic,
        pools.group_code,
        count(*) as eligible_pool,
        count(*) filter (where exists (
            select 1 from events
            where events.person_id = pools.person_id
              and events.event_type_code = promotion_types.promotion_type
              and events.from_rank_code = pools.rank_grade_code
              and events.effective_date >= pools.financial_year_start
              and events.effective_date < pools.financial_year_start + interval '1 year'
        )) as promoted
    from pools
    cross join promotion_types
    group by pools.financial_year_start, pools.rank_grade_code, promotion_types.promotion_type,
             pools.characteristic, pools.group_code
),

with_reference as (
    select
        counted.*,
        characteristic_groups.is_disclosed,
        characteristic_groups.is_reference_group,
        coalesce(sum(counted.promoted) filter (where characteristic_groups.is_reference_group) over rank_slice, 0)
            as reference_promoted,
        coalesce(sum(counted.eligible_pool) filter (where characteristic_groups.is_reference_group) over rank_slice, 0)
            as reference_eligible_pool
    from counted
    inner join characteristic_groups
        on counted.characteristic = characteristic_groups.characteristic
        and counted.group_code = characteristic_groups.group_code
    window rank_slice as (partition by counted.financial_year_start, counted.rank_grade_code,
                                      counted.promotion_type, counted.characteristic)
),

measured as (
    select
        with_reference.financial_year_start,
        (with_reference.financial_year_start + interval '1 year')::date as financial_year_end,
        (with_reference.financial_year_start + interval '1 year' - interval '1 day')::date <= latest.latest_month_end
            as is_complete_period,
        with_reference.rank_grade_code,
        with_reference.promotion_type,
        with_reference.characteristic,
        with_reference.group_code,
        with_reference.is_disclosed,
        with_reference.is_reference_group,
        with_reference.eligible_pool,
        with_reference.promoted,
        with_reference.reference_eligible_pool,
        with_reference.reference_promoted,
        {{ share('with_reference.promoted', 'with_reference.eligible_pool') }} as promotion_rate,
        {{ wilson_limit('with_reference.promoted', 'with_reference.eligible_pool', 'lower') }} as promotion_rate_lower_95,
        {{ wilson_limit('with_reference.promoted', 'with_reference.eligible_pool', 'upper') }} as promotion_rate_upper_95,
        {{ share('with_reference.reference_promoted', 'with_reference.reference_eligible_pool') }}
            as reference_promotion_rate,
        {{ rate_ratio('with_reference.promoted', 'with_reference.eligible_pool', 'with_reference.reference_promoted', 'with_reference.reference_eligible_pool') }}
            as relative_likelihood,
        {{ proportion_ratio_limit('with_reference.promoted', 'with_reference.eligible_pool', 'with_reference.reference_promoted', 'with_reference.reference_eligible_pool', 'lower') }}
            as relative_likelihood_lower_95,
        {{ proportion_ratio_limit('with_reference.promoted', 'with_reference.eligible_pool', 'with_reference.reference_promoted', 'with_reference.reference_eligible_pool', 'upper') }}
            as relative_likelihood_upper_95
    from with_reference
    cross join latest
)

select * from measured
