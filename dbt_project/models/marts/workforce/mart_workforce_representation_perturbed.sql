{#- mart_workforce_representation as published: every headcount (a group's, the slice's total and its disclosed
    total) perturbed by the key sum of the people it counts, in the ONS's non-additive form: a stock is not a sum of
    months, so each published cell, totals included, carries its own perturbation (docs/methodology.md, Disclosure
    control). FTE is scaled with its headcount, so it cannot give the headcount back; the shares, ratio and gap are
    computed from the perturbed counts (macro workforce_representation_measures). A group's headcount is capped at
    its slice's perturbed (disclosed) total. -#}
-- materialized: each count is perturbed once (inlined, the caps and shares below would repeat the lookups)
with perturbed as materialized (
    select
        month_end, workforce_type_code, breakdown, breakdown_value, characteristic, group_code, is_disclosed,
        is_reference_group,
        {%- for count in ['headcount', 'total_headcount', 'disclosed_headcount'] %}
        {{ perturbed_count(count, count ~ '_record_key_sum') }} as {{ count }},
        {%- endfor %}
        fte,
        headcount as true_headcount,
        benchmark_share, benchmark_census_year, benchmark_population_base
    from {{ ref('mart_workforce_representation') }}
),

-- a part never above the total holding it, so no share exceeds 1 (a capped count stays within 2 of its truth: the
-- total it is capped at is within 2 of a truth at least as large)
capped as (
    select
        perturbed.*,
        least(disclosed_headcount, total_headcount) as capped_disclosed_headcount,
        least(headcount, case when is_disclosed then least(disclosed_headcount, total_headcount)
                              else total_headcount end) as capped_headcount
    from perturbed
),

scaled as (
    select
        month_end, workforce_type_code, breakdown, breakdown_value, characteristic, group_code, is_disclosed,
        is_reference_group,
        capped_headcount as headcount,
        case when true_headcount > 0 then fte * capped_headcount / true_headcount else 0 end as fte,
        total_headcount,
        capped_disclosed_headcount as disclosed_headcount,
        benchmark_share, benchmark_census_year, benchmark_population_base
    from capped
)

{{ workforce_representation_measures('scaled') }}
