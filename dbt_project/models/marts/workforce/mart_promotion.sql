{#- Promotion of officers by financial year, rank and characteristic group, against the eligible pool: the
    officers in the rank as at the day before the year starts (31 March). promoted = those of the pool with a
    promotion of the row's type (substantive and temporary are separate rows) from that rank dated in the
    year; promotion_rate = promoted / pool; relative_likelihood = the group's rate / the reference group's,
    MOVER-Wilson interval. Rank 'ALL' adds the pools and promotions of every rank (the board's first question:
    is a group promoted as often as White officers, whatever their rank; crude, not adjusted for rank mix).
    A year is complete when the snapshots reach its end. Unsuppressed: analysts only. -#}
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
        month_ends.*
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
),

counted as (
    select
        pools.financial_year_start,
        case when grouping(pools.rank_grade_code) = 1 then 'ALL' else pools.rank_grade_code end as rank_grade_code,
        promotion_types.promotion_type,
        characteristics.characteristic,
        characteristics.group_code,
        count(*) as eligible_pool,
        count(promotions_in_year.person_id) as promoted
    from pools
    cross join promotion_types
    cross join lateral {{ workforce_characteristics('pools', with_person_only=true) }}
    left join promotions_in_year
        on promotions_in_year.financial_year_start = pools.financial_year_start
        and promotions_in_year.person_id = pools.person_id
        and promotions_in_year.promotion_type = promotion_types.promotion_type
    group by grouping sets (
        (pools.financial_year_start, pools.rank_grade_code, promotion_types.promotion_type,
         characteristics.characteristic, characteristics.group_code),
        (pools.financial_year_start, promotion_types.promotion_type, characteristics.characteristic,
         characteristics.group_code)
    )
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
        {{ share_with_interval('with_reference.promoted', 'with_reference.eligible_pool', 'promotion_rate') }},
        {{ share('with_reference.reference_promoted', 'with_reference.reference_eligible_pool') }}
            as reference_promotion_rate,
        {{ ratio_with_interval('with_reference.promoted', 'with_reference.eligible_pool', 'with_reference.reference_promoted', 'with_reference.reference_eligible_pool', 'relative_likelihood', of='proportions') }}
    from with_reference
    cross join latest
),

-- whether each ratio stands after false discovery rate control; family: a financial year and characteristic (every rank, all ranks and both promotion types)
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'relative_likelihood', ['financial_year_start', 'characteristic'],
        tested="measured.is_disclosed and not measured.is_reference_group") }}
)

select * from controlled
