{#- Allegation outcomes by financial year (complaint received) from three views: by complainant group
    (officer_group 'All'), by subject officer group (complainant_group 'All', the officer's group as recorded
    in HR on the day the complaint was received), and the cross of the two. Measures:
    - upheld_share = upheld / allegations with a finding (upheld + not upheld), Wilson interval;
    - without_investigation_share = allegations in cases handled without investigation (service recovery or
      Schedule 3 not investigated) / all allegations;
    - each as a relative likelihood against the reference: White complainants (complainant view, and the cross
      view within the same officer group), White officers (officer view); MOVER-Wilson interval; ratio_status says when
      a ratio cannot be estimated. Unsuppressed: analysts only. -#}
with allegations as (
    select * from {{ ref('fct_allegation') }}
),

counted as (
    select
        financial_year_start,
        case when grouping(complainant_ethnic_group) = 0 and grouping(subject_ethnic_group) = 0 then 'complainant_and_officer'
             when grouping(complainant_ethnic_group) = 0 then 'complainant'
             else 'subject_officer' end as view,
        coalesce(complainant_ethnic_group, 'All') as complainant_group,
        coalesce(subject_ethnic_group, 'All') as officer_group,
        count(*) as allegations,
        count(*) filter (where has_finding) as with_finding,
        count(*) filter (where is_upheld) as upheld,
        count(*) filter (where is_handled_without_investigation) as without_investigation
    from allegations
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
