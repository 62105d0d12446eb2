{#- The body of mart_vetting[_perturbed]: vetting decisions by financial year of decision, applicant type ('ALL'
    for every type) and characteristic group, the counts from `cells` (int_vetting_cells, exact or perturbed; 'ALL'
    their sum over the types). refusal_rate = refused / (granted + refused): withdrawn applications have no decision and leave the
    denominator. relative_likelihood = the group's refusal rate / the reference group's, MOVER-Wilson interval
    (above 1: the group is refused more often). -#}
{% macro vetting_mart(cells) -%}
with characteristic_groups as (
    select * from {{ ref('dim_workforce_characteristic_group') }}
),

counted as (
    select
        cells.financial_year_start,
        coalesce(cells.applicant_type_code, 'ALL') as applicant_type_code,
        cells.characteristic,
        cells.group_code,
        {%- for count in vetting_counts() %}
        sum(cells.{{ count }})::bigint as {{ count }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ cells }} as cells
    group by grouping sets (
        (cells.financial_year_start, cells.applicant_type_code, cells.characteristic, cells.group_code),
        (cells.financial_year_start, cells.characteristic, cells.group_code)
    )
),

with_reference as (
    select
        counted.*,
        counted.granted + counted.refused as decided,
        characteristic_groups.is_disclosed,
        characteristic_groups.is_reference_group,
        coalesce(sum(counted.refused) filter (where characteristic_groups.is_reference_group) over type_slice, 0)
            as reference_refused,
        coalesce(sum(counted.granted + counted.refused) filter (where characteristic_groups.is_reference_group)
            over type_slice, 0) as reference_decided
    from counted
    inner join characteristic_groups
        on counted.characteristic = characteristic_groups.characteristic
        and counted.group_code = characteristic_groups.group_code
    window type_slice as (partition by counted.financial_year_start, counted.applicant_type_code,
                                      counted.characteristic)
),

measured as (
    select
        financial_year_start,
        applicant_type_code,
        characteristic,
        group_code,
        is_disclosed,
        is_reference_group,
        applications,
        granted,
        refused,
        withdrawn,
        decided,
        reference_refused,
        reference_decided,
        {{ share_with_interval('refused', 'decided', 'refusal_rate') }},
        {{ share('reference_refused', 'reference_decided') }} as reference_refusal_rate,
        {{ ratio_with_interval('refused', 'decided', 'reference_refused', 'reference_decided', 'relative_likelihood', of='proportions') }}
    from with_reference
),

-- whether each ratio stands after false discovery rate control; family: a financial year and characteristic
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'relative_likelihood', ['financial_year_start', 'characteristic'],
        tested="measured.is_disclosed and not measured.is_reference_group") }}
)

select * from controlled
{%- endmacro %}
