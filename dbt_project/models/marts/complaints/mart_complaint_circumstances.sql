{#- The operational circumstances likely to lead to complaints: for stop-searches (legislation, object,
    outcome, time of day, area, team) and detentions (offence group, disposal, strip search, use of force,
    juvenile, area), by financial year of the contact, the contacts with that circumstance, the complaint cases
    arising from them, complaints per 1,000 contacts (Poisson interval), and the rate ratio against all other
    contacts of the same kind in the year (rate_ratio_limit) with ratio_status. Years are those the
    complaints extract covers. Unsuppressed: analysts only. -#}
with cases as (
    select * from {{ ref('fct_complaint_case') }}
),

years as (
    select distinct financial_year_start from cases
),

-- read from the fact, not the cases CTE, and inlined at each use: the planner then estimates it from the table's
-- statistics (a filtered CTE scan was estimated at 1 row, and joining it to every contact by nested loop took 9 s of
-- the mart's 10 s on the demo night)
complaints_per_contact as not materialized (
    select contact_type_code, contact_record_id, count(*) as complaints
    from {{ ref('fct_complaint_case') }}
    where contact_type_code in ('STOP_SEARCH', 'CUSTODY') and is_contact_in_warehouse
    group by 1, 2
),

searches as (
    select
        {{ financial_year_start('searches.searched_date') }} as financial_year_start,
        coalesce(complaints_per_contact.complaints, 0) as complaints,
        searches.legislation_code,
        searches.object_of_search_code,
        searches.outcome_code,
        lpad((extract(hour from searches.searched_at at time zone 'Europe/London')::integer / 6 * 6)::text, 2, '0')
            || ':00-' || lpad((extract(hour from searches.searched_at at time zone 'Europe/London')::integer / 6 * 6 + 5)::text, 2, '0')
            || ':59' as time_of_day,
        searches.area_code,
        coalesce(searches.team_code, 'UNKNOWN') as team_code
    from {{ ref('fct_stop_search') }} as searches
    inner join years on {{ financial_year_start('searches.searched_date') }} = years.financial_year_start
    left join complaints_per_contact
        on complaints_per_contact.contact_type_code = 'STOP_SEARCH'
        and complaints_per_contact.contact_record_id = searches.stop_search_id
    where searches.source_system = 'force'
),

detentions as (
    select
        {{ financial_year_start('detentions.arrived_date') }} as financial_year_start,
        coalesce(complaints_per_contact.complaints, 0) as complaints,
        detentions.offence_group_code,
        detentions.disposal_code,
        detentions.is_strip_search::text as strip_search,
        detentions.is_use_of_force::text as use_of_force,
        detentions.is_juvenile::text as juvenile,
        detentions.area_code
    from {{ ref('fct_custody_detention') }} as detentions
    inner join years on {{ financial_year_start('detentions.arrived_date') }} = years.financial_year_start
    left join complaints_per_contact
        on complaints_per_contact.contact_type_code = 'CUSTODY'
        and complaints_per_contact.contact_record_id = detentions.detention_id
),

by_circumstance as (
    select searches.financial_year_start, 'STOP_SEARCH' as contact_type, circumstances.circumstance,
           circumstances.value, searches.complaints
    from searches
    cross join lateral (values
        ('legislation', searches.legislation_code), ('object_of_search', searches.object_of_search_code),
        ('outcome', searches.outcome_code), ('time_of_day', searches.time_of_day), ('area', searches.area_code),
        ('team', searches.team_code)
    ) as circumstances (circumstance, value)
    union all
    select detentions.financial_year_start, 'CUSTODY', circumstances.circumstance, circumstances.value,
           detentions.complaints
    from detentions
    cross join lateral (values
        ('offence_group', detentions.offence_group_code), ('disposal', detentions.disposal_code),
        ('strip_search', detentions.strip_search), ('use_of_force', detentions.use_of_force),
        ('juvenile', detentions.juvenile), ('area', detentions.area_code)
    ) as circumstances (circumstance, value)
),

counted as (
    select financial_year_start, contact_type, circumstance, value, count(*) as contacts, sum(complaints) as complaints
    from by_circumstance
    group by 1, 2, 3, 4
),

with_rest as (
    select
        counted.*,
        sum(contacts) over kind - contacts as other_contacts,
        sum(complaints) over kind - complaints as other_complaints
    from counted
    window kind as (partition by financial_year_start, contact_type, circumstance)
),

measured as (
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
    from with_rest
),

-- whether each ratio stands after false discovery rate control; family: a financial year and contact type
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'rate_ratio_to_other_contacts',
        ['financial_year_start', 'contact_type'], limits='rate_ratio', name='rate_ratio') }}
)

select * from controlled
