{#- Who complains, by financial year received and complainant broad ethnic group, on three bases:
    - population: every complaint case per 1,000 residents of the group (Census, force area);
    - stop_search: cases arising from a stop-search in the warehouse per 1,000 stop-searches of people of the
      group in the year (self-defined ethnicity; the force's own extract);
    - custody: cases arising from a detention in the warehouse per 1,000 detentions of the group.
    Each with an mid-p/Byar Poisson interval, the rate ratio against the reference group (rate_ratio_limit)
    and ratio_status, which says when a ratio cannot be estimated. Also, per row, how the cases were handled
    (share handled without investigation, share investigated) and the median days to finalise. Cases are
    counted in the year they were received. Unsuppressed: analysts only. -#}
with cases as (
    select * from {{ ref('fct_complaint_case') }}
),

ethnicity as (
    select ethnicity_key, broad_ethnic_group from {{ ref('dim_ethnicity') }}
),

years as (
    select distinct financial_year_start from cases
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
    select {{ financial_year_start('searches.searched_date') }} as financial_year_start,
           ethnicity.broad_ethnic_group as ethnic_group, count(*) as denominator
    from {{ ref('fct_stop_search') }} as searches
    inner join ethnicity on searches.self_defined_ethnicity_key = ethnicity.ethnicity_key
    where searches.source_system = 'force'
    group by 1, 2
),

detentions as (
    select {{ financial_year_start('detentions.arrived_date') }} as financial_year_start,
           ethnicity.broad_ethnic_group as ethnic_group, count(*) as denominator
    from {{ ref('fct_custody_detention') }} as detentions
    inner join ethnicity on detentions.self_defined_ethnicity_key = ethnicity.ethnicity_key
    group by 1, 2
),

counted as (
    select
        cases.financial_year_start,
        bases.basis,
        cases.complainant_ethnic_group as ethnic_group,
        count(*) as cases,
        count(*) filter (where cases.is_handled_without_investigation) as handled_without_investigation,
        count(*) filter (where not cases.is_handled_without_investigation) as investigated,
        count(cases.finalised_date) as finalised_cases,
        percentile_cont(0.5) within group (order by cases.days_to_finalise) as median_days_to_finalise
    from cases
    inner join bases
        on bases.basis = 'population'
        or (bases.basis = 'stop_search' and cases.contact_type_code = 'STOP_SEARCH' and cases.is_contact_in_warehouse)
        or (bases.basis = 'custody' and cases.contact_type_code = 'CUSTODY' and cases.is_contact_in_warehouse)
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
        counted.median_days_to_finalise
    from years
    cross join bases
    cross join groups
    left join counted
        on counted.financial_year_start = years.financial_year_start and counted.basis = bases.basis
        and counted.ethnic_group = groups.ethnic_group
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
