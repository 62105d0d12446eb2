{#- The columns one row of the complaint circumstance counts is per (int_complaint_circumstance_counts). -#}
{% macro complaint_circumstance_grain() -%}
    {{ return(['financial_year_start', 'contact_type', 'circumstance', 'value']) }}
{%- endmacro %}

{#- The body of mart_complaint_circumstances[_perturbed], from `counts` (int_complaint_circumstance_counts, exact or
    perturbed): complaints per 1,000 contacts with each circumstance (Poisson interval), and the rate ratio against
    all other contacts of the same kind in the year (rate_ratio_limit) with ratio_status. -#}
{% macro complaint_circumstances(counts) -%}
with measured as (
    select
        financial_year_start,
        contact_type,
        circumstance,
        value,
        contacts,
        complaints,
        other_contacts,
        other_complaints,
        {{ rate_with_interval('complaints', 'contacts', 'complaints_per_1000_contacts', interval='complaints_per_1000') }},
        {{ rate_per_1000('other_complaints', 'other_contacts') }} as other_complaints_per_1000_contacts,
        {{ ratio_with_interval('complaints', 'contacts', 'other_complaints', 'other_contacts', 'rate_ratio_to_other_contacts', interval='rate_ratio', estimable=true) }},
        {{ ratio_status('complaints', 'contacts', 'other_complaints', 'other_contacts') }} as ratio_status
    from {{ counts }}
),

-- whether each ratio stands after false discovery rate control; family: a financial year and contact type
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'rate_ratio_to_other_contacts',
        ['financial_year_start', 'contact_type'], limits='rate_ratio', name='rate_ratio') }}
)

select * from controlled
{%- endmacro %}
