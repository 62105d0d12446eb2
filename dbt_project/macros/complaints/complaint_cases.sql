{#- The counts of complaint cases (int_complaint_case_cells), each with the cases it counts; each after the first
    counts a subset of the cases. -#}
{% macro complaint_case_counts() -%}
    {{ return({
        'cases': 'true',
        'handled_without_investigation': 'is_handled_without_investigation',
        'finalised_cases': 'finalised_date is not null',
    }) }}
{%- endmacro %}

{#- The columns one complaint case cell is per (int_complaint_case_cells). -#}
{% macro complaint_case_cell_grain() -%}
    {{ return(['financial_year_start', 'complainant_ethnic_group', 'contact_basis']) }}
{%- endmacro %}

{#- The body of mart_complaints[_perturbed]: who complains, by financial year received and complainant broad ethnic
    group, on three bases:
    - population: every complaint case per 1,000 residents of the group (Census, force area);
    - stop_search: cases arising from a stop-search in the warehouse per 1,000 stop-searches of people of the
      group in the year (self-defined ethnicity; the force's own extract);
    - custody: cases arising from a detention in the warehouse per 1,000 detentions of the group.
    Each with a mid-p/Byar Poisson interval, the rate ratio against the reference group (rate_ratio_limit) and
    ratio_status, which says when a ratio cannot be estimated. Also, per row, how the cases were handled (share
    handled without investigation, share investigated) and the median days to finalise. Cases are counted in the
    year they were received. The counts come from `cells` (int_complaint_case_cells, exact or perturbed), the
    stop-searches and detentions from the financial-year rows of `searches` and `detentions` (their period counts,
    exact or as published), so every count is the number another published table shows for it. -#}
{% macro complaints_mart(cells, searches, detentions) -%}
with years as (
    select distinct financial_year_start from {{ cells }}
),

groups as (
    select distinct broad_ethnic_group as ethnic_group from {{ ref('ethnic_groups') }}
    union all
    select 'Not stated'
),

bases as (
    select 'population' as basis union all select 'stop_search' union all select 'custody'
),

population as (
    select census_year, ethnic_group, population as denominator
    from {{ ref('int_population_by_area') }}
    where ethnicity_level = 'broad' and area_code = 'FORCE'
),

searches as (
    select period_start as financial_year_start, ethnic_group, searches as denominator
    from {{ searches }}
    where period_type = 'financial_year' and area_code = 'FORCE' and legislation_group = 'All'
      and ethnicity_basis = 'self-defined' and ethnicity_level = 'broad'
),

detentions as (
    select period_start as financial_year_start, ethnic_group, detentions as denominator
    from {{ detentions }}
    where period_type = 'financial_year' and area_code = 'FORCE' and age_group = 'All'
),

counted as (
    select
        cells.financial_year_start,
        bases.basis,
        cells.complainant_ethnic_group as ethnic_group,
        {%- for count in complaint_case_counts() %}
        sum(cells.{{ count }})::bigint as {{ count }},
        {%- endfor %}
        sum(cells.cases - cells.handled_without_investigation)::bigint as investigated
    from {{ cells }} as cells
    inner join bases on bases.basis in ('population', cells.contact_basis)
    group by 1, 2, 3
),

medians as (
    select
        cases.financial_year_start,
        bases.basis,
        cases.complainant_ethnic_group as ethnic_group,
        percentile_cont(0.5) within group (order by cases.days_to_finalise) as median_days_to_finalise
    from {{ ref('int_complaint_cases_conformed') }} as cases
    inner join bases on bases.basis in ('population', {{ complaint_contact_basis('cases') }})
    where cases.finalised_date is not null
    group by 1, 2, 3
),

grid as (
    select
        years.financial_year_start,
        bases.basis,
        groups.ethnic_group,
        groups.ethnic_group = '{{ var("reference_ethnic_group") }}' as is_reference_group,
        coalesce(counted.cases, 0) as cases,
        case bases.basis
            when 'population' then population.denominator
            when 'stop_search' then coalesce(searches.denominator, 0)
            when 'custody' then coalesce(detentions.denominator, 0)
        end as denominator,
        case bases.basis
            when 'population' then 'residents (Census ' || {{ population_census_year('years.financial_year_start') }} || ')'
            when 'stop_search' then 'stop-searches in the year'
            when 'custody' then 'detentions in the year'
        end as denominator_label,
        coalesce(counted.handled_without_investigation, 0) as handled_without_investigation,
        coalesce(counted.investigated, 0) as investigated,
        coalesce(counted.finalised_cases, 0) as finalised_cases,
        medians.median_days_to_finalise
    from years
    cross join bases
    cross join groups
    left join counted
        on counted.financial_year_start = years.financial_year_start and counted.basis = bases.basis
        and counted.ethnic_group = groups.ethnic_group
    left join medians
        on medians.financial_year_start = years.financial_year_start and medians.basis = bases.basis
        and medians.ethnic_group = groups.ethnic_group
    left join population
        on population.census_year = {{ population_census_year('years.financial_year_start') }}
        and population.ethnic_group = groups.ethnic_group
    left join searches on searches.financial_year_start = years.financial_year_start and searches.ethnic_group = groups.ethnic_group
    left join detentions on detentions.financial_year_start = years.financial_year_start and detentions.ethnic_group = groups.ethnic_group
),

with_reference as (
    select
        grid.*,
        max(cases) filter (where is_reference_group) over year_basis as reference_cases,
        max(denominator) filter (where is_reference_group) over year_basis as reference_denominator
    from grid
    window year_basis as (partition by financial_year_start, basis)
),

measured as (
    select
        financial_year_start,
        basis,
        ethnic_group,
        is_reference_group,
        cases,
        denominator,
        denominator_label,
        {{ rate_with_interval('cases', 'denominator') }},
        reference_cases,
        reference_denominator,
        {{ ratio_with_interval('cases', 'denominator', 'reference_cases', 'reference_denominator', 'rate_ratio', estimable=true) }},
        {{ ratio_status('cases', 'denominator', 'reference_cases', 'reference_denominator') }} as ratio_status,
        handled_without_investigation,
        investigated,
        {{ share('handled_without_investigation', 'cases') }} as handled_without_investigation_share,
        finalised_cases,
        median_days_to_finalise
    from with_reference
),

-- whether each ratio stands after false discovery rate control; family: a financial year and denominator basis
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'rate_ratio', ['financial_year_start', 'basis'],
        tested="not measured.is_reference_group") }}
)

select * from controlled
{%- endmacro %}

{#- The rate basis a complaint case counts in besides population: 'stop_search' or 'custody' when it arose from a
    search or detention in the warehouse, else 'other'. -#}
{% macro complaint_contact_basis(cases) -%}
    case when {{ cases }}.is_contact_in_warehouse and {{ cases }}.contact_type_code = 'STOP_SEARCH' then 'stop_search'
         when {{ cases }}.is_contact_in_warehouse and {{ cases }}.contact_type_code = 'CUSTODY' then 'custody'
         else 'other' end
{%- endmacro %}
