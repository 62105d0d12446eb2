{#- The counts of allegations, each with the allegations it counts (int_allegation_cells). Each count after the first
    counts a subset of the allegations; upheld ones are a subset of those with a finding. -#}
{% macro allegation_counts() -%}
    {{ return({
        'allegations': 'true',
        'with_finding': 'has_finding',
        'upheld': 'is_upheld',
        'without_investigation': 'is_handled_without_investigation',
    }) }}
{%- endmacro %}

{#- perturbed_cells' `within` for the allegation counts: the count whose allegations hold each count's. -#}
{% macro allegation_counts_within() -%}
    {{ return({'with_finding': 'allegations', 'upheld': 'with_finding', 'without_investigation': 'allegations'}) }}
{%- endmacro %}

{#- The columns one allegation cell is per (int_allegation_cells). -#}
{% macro allegation_cell_grain() -%}
    {{ return(['financial_year_start', 'complainant_ethnic_group', 'subject_ethnic_group',
               'is_discriminatory_behaviour', 'discrimination_characteristic_code']) }}
{%- endmacro %}

{#- The body of mart_allegation_outcomes[_perturbed], from `cells` (int_allegation_cells, exact or perturbed).
    Allegation outcomes by financial year (complaint received) from three views: by complainant group
    (officer_group 'All'), by subject officer group (complainant_group 'All', the officer's group as recorded
    in HR on the day the complaint was received), and the cross of the two. Measures:
    - upheld_share = upheld / allegations with a finding (upheld + not upheld), Wilson interval;
    - without_investigation_share = allegations in cases handled without investigation (service recovery or
      Schedule 3 not investigated) / all allegations;
    - each as a relative likelihood against the reference: White complainants (complainant view, and the cross
      view within the same officer group), White officers (officer view); MOVER-Wilson interval; ratio_status says
      when a ratio cannot be estimated. Every count is a sum of cells, so a view's totals are the sums of the
      cross view's published parts. -#}
{% macro allegation_outcomes(cells) -%}
with counted as (
    select
        financial_year_start,
        case when grouping(complainant_ethnic_group) = 0 and grouping(subject_ethnic_group) = 0 then 'complainant_and_officer'
             when grouping(complainant_ethnic_group) = 0 then 'complainant'
             else 'subject_officer' end as view,
        coalesce(complainant_ethnic_group, 'All') as complainant_group,
        coalesce(subject_ethnic_group, 'All') as officer_group,
        {%- for count in allegation_counts() %}
        sum({{ count }})::bigint as {{ count }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ cells }}
    group by grouping sets (
        (financial_year_start, complainant_ethnic_group),
        (financial_year_start, subject_ethnic_group),
        (financial_year_start, complainant_ethnic_group, subject_ethnic_group)
    )
),

flagged as (
    select
        counted.*,
        case view when 'subject_officer' then officer_group = '{{ var("reference_ethnic_group") }}'
                  else complainant_group = '{{ var("reference_ethnic_group") }}' end as is_reference_group
    from counted
),

with_reference as (
    select
        flagged.*,
        coalesce(max(upheld) filter (where is_reference_group) over comparison, 0) as reference_upheld,
        coalesce(max(with_finding) filter (where is_reference_group) over comparison, 0) as reference_with_finding,
        coalesce(max(without_investigation) filter (where is_reference_group) over comparison, 0) as reference_without_investigation,
        coalesce(max(allegations) filter (where is_reference_group) over comparison, 0) as reference_allegations
    from flagged
    window comparison as (partition by financial_year_start, view,
                                       case when view = 'complainant_and_officer' then officer_group end)
),

measured as (
    select
        financial_year_start,
        view,
        complainant_group,
        officer_group,
        is_reference_group,
        allegations,
        with_finding,
        upheld,
        without_investigation,
        reference_allegations,
        reference_with_finding,
        reference_upheld,
        reference_without_investigation,
        {{ share_with_interval('upheld', 'with_finding', 'upheld_share') }},
        {{ ratio_with_interval('upheld', 'with_finding', 'reference_upheld', 'reference_with_finding', 'upheld_relative_likelihood', of='proportions', estimable=true) }},
        {{ ratio_status('upheld', 'with_finding', 'reference_upheld', 'reference_with_finding') }} as upheld_ratio_status,
        {{ share('without_investigation', 'allegations') }} as without_investigation_share,
        {{ ratio_with_interval('without_investigation', 'allegations', 'reference_without_investigation', 'reference_allegations', 'without_investigation_relative_likelihood', of='proportions', estimable=true) }},
        {{ ratio_status('without_investigation', 'allegations', 'reference_without_investigation', 'reference_allegations') }}
            as without_investigation_ratio_status
    from with_reference
),

-- whether each ratio stands after false discovery rate control; family: a financial year and view
controlled as (
    {{ ratios_with_false_discovery_control('measured',
        ['upheld_relative_likelihood', 'without_investigation_relative_likelihood'], ['financial_year_start', 'view'],
        tested="not measured.is_reference_group", name=['upheld_ratio', 'without_investigation_ratio']) }}
)

select * from controlled
{%- endmacro %}

{#- The body of mart_discrimination_allegations[_perturbed], from `cells` (int_allegation_cells, exact or
    perturbed): discriminatory behaviour allegations by financial year (complaint received), the protected
    characteristic alleged, and complainant group ('All' for every group, the sum of the groups' published
    counts): allegations, those with a finding, upheld, and the upheld share (Wilson interval). -#}
{% macro discrimination_allegations(cells) -%}
with counted as (
    select
        financial_year_start,
        discrimination_characteristic_code,
        coalesce(complainant_ethnic_group, 'All') as complainant_group,
        sum(allegations)::bigint as allegations,
        sum(with_finding)::bigint as with_finding,
        sum(upheld)::bigint as upheld
    from {{ cells }}
    where is_discriminatory_behaviour
    group by grouping sets ((financial_year_start, discrimination_characteristic_code),
                            (financial_year_start, discrimination_characteristic_code, complainant_ethnic_group))
)

select
    counted.*,
    {{ share_with_interval('upheld', 'with_finding', 'upheld_share') }}
from counted
{%- endmacro %}
