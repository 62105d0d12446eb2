{#- The body of mart_promotion[_perturbed]: promotion of officers by financial year, rank and characteristic
    group, against the eligible pool: the officers in the rank as at the day before the year starts (31 March), the
    pools and promotions from `cells` (int_promotion_cells, exact or perturbed; rank 'ALL' their sum over the ranks). promoted = those of the pool with a
    promotion of the row's type (substantive and temporary are separate rows) from that rank dated in the
    year; promotion_rate = promoted / pool; relative_likelihood = the group's rate / the reference group's,
    MOVER-Wilson interval. Rank 'ALL' adds the pools and promotions of every rank (the board's first question:
    is a group promoted as often as White officers, whatever their rank; crude, not adjusted for rank mix).
    A year is complete when the snapshots reach its end. -#}
{% macro promotion_mart(cells) -%}
with month_ends as (
    select * from {{ ref('fct_workforce_month_end') }}
),

characteristic_groups as (
    select * from {{ ref('dim_workforce_characteristic_group') }}
),

-- materialized: once, not again for every row it is cross-joined to (inlined, PostgreSQL scanned every month end
-- per row of the mart: 91 s on the demo night)
latest as materialized (
    select max(month_end) as latest_month_end from month_ends
),

counted as (
    select
        cells.financial_year_start,
        case when grouping(cells.rank_grade_code) = 1 then 'ALL' else cells.rank_grade_code end as rank_grade_code,
        cells.promotion_type,
        cells.characteristic,
        cells.group_code,
        sum(cells.eligible_pool)::bigint as eligible_pool,
        sum(cells.promoted)::bigint as promoted
    from {{ cells }} as cells
    group by grouping sets (
        (cells.financial_year_start, cells.rank_grade_code, cells.promotion_type, cells.characteristic, cells.group_code),
        (cells.financial_year_start, cells.promotion_type, cells.characteristic, cells.group_code)
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
{%- endmacro %}
