{#- The counts of mart_complaint_circumstances: for stop-searches (legislation, object, outcome, time of day, area,
    team) and detentions (offence group, disposal, strip search, use of force, juvenile, area), by financial year of
    the contact, the contacts with each value of each circumstance and the complaint cases arising from them, and
    all other contacts of the same kind in the year and their complaints; each count with the sum of its records'
    keys (contacts: the search or detention; complaints: the case; macro record_key), from which its perturbation
    follows (int_complaint_circumstance_counts_perturbed). Years are those the complaints extract covers. -#}
with cases as (
    select * from {{ ref('int_complaint_cases_conformed') }}
),

years as (
    select distinct financial_year_start from cases
),

-- read from the cases model, not the cases CTE, and inlined at each use: the planner then estimates it from the table's
-- statistics (a filtered CTE scan was estimated at 1 row, and joining it to every contact by nested loop took 9 s of
-- the mart's 10 s on the demo night)
complaints_per_contact as not materialized (
    select contact_type_code, contact_record_id, count(*) as complaints,
           sum({{ record_key('case_id') }})::bigint as complaints_record_key
    from {{ ref('int_complaint_cases_conformed') }}
    where contact_type_code in ('STOP_SEARCH', 'CUSTODY') and is_contact_in_warehouse
    group by 1, 2
),

searches as (
    select
        {{ financial_year_start('searches.searched_date') }} as financial_year_start,
        {{ record_key('searches.stop_search_id') }} as contact_record_key,
        coalesce(complaints_per_contact.complaints, 0) as complaints,
        coalesce(complaints_per_contact.complaints_record_key, 0) as complaints_record_key,
        searches.legislation_code,
        searches.object_of_search_code,
        searches.outcome_code,
        lpad((extract(hour from searches.searched_at at time zone 'Europe/London')::integer / 6 * 6)::text, 2, '0')
            || ':00-' || lpad((extract(hour from searches.searched_at at time zone 'Europe/London')::integer / 6 * 6 + 5)::text, 2, '0')
            || ':59' as time_of_day,
        coalesce(searches.lpu_code, 'UNKNOWN') as area_code,
        coalesce(searches.team_code, 'UNKNOWN') as team_code
    from {{ ref('int_stop_searches_conformed') }} as searches
    inner join years on {{ financial_year_start('searches.searched_date') }} = years.financial_year_start
    left join complaints_per_contact
        on complaints_per_contact.contact_type_code = 'STOP_SEARCH'
        and complaints_per_contact.contact_record_id = searches.stop_search_id
    where searches.source_system = 'force'
),

detentions as (
    select
        {{ financial_year_start('detentions.arrived_date') }} as financial_year_start,
        {{ record_key('detentions.detention_id') }} as contact_record_key,
        coalesce(complaints_per_contact.complaints, 0) as complaints,
        coalesce(complaints_per_contact.complaints_record_key, 0) as complaints_record_key,
        detentions.offence_group_code,
        detentions.disposal_code,
        detentions.is_strip_search::text as strip_search,
        detentions.is_use_of_force::text as use_of_force,
        detentions.is_juvenile::text as juvenile,
        detentions.lpu_code as area_code
    from {{ ref('int_custody_detentions_conformed') }} as detentions
    inner join years on {{ financial_year_start('detentions.arrived_date') }} = years.financial_year_start
    left join complaints_per_contact
        on complaints_per_contact.contact_type_code = 'CUSTODY'
        and complaints_per_contact.contact_record_id = detentions.detention_id
),

by_circumstance as (
    select searches.financial_year_start, 'STOP_SEARCH' as contact_type, circumstances.circumstance,
           circumstances.value, searches.contact_record_key, searches.complaints, searches.complaints_record_key
    from searches
    cross join lateral (values
        ('legislation', searches.legislation_code), ('object_of_search', searches.object_of_search_code),
        ('outcome', searches.outcome_code), ('time_of_day', searches.time_of_day), ('area', searches.area_code),
        ('team', searches.team_code)
    ) as circumstances (circumstance, value)
    union all
    select detentions.financial_year_start, 'CUSTODY', circumstances.circumstance, circumstances.value,
           detentions.contact_record_key, detentions.complaints, detentions.complaints_record_key
    from detentions
    cross join lateral (values
        ('offence_group', detentions.offence_group_code), ('disposal', detentions.disposal_code),
        ('strip_search', detentions.strip_search), ('use_of_force', detentions.use_of_force),
        ('juvenile', detentions.juvenile), ('area', detentions.area_code)
    ) as circumstances (circumstance, value)
),

counted as (
    select financial_year_start, contact_type, circumstance, value,
           count(*) as contacts, sum(contact_record_key)::bigint as contacts_record_key_sum,
           sum(complaints)::bigint as complaints, sum(complaints_record_key)::bigint as complaints_record_key_sum
    from by_circumstance
    group by 1, 2, 3, 4
)

select
    counted.*,
    {%- for count in ['contacts', 'complaints'] %}
    sum({{ count }}) over kind - {{ count }} as other_{{ count }},
    sum({{ count }}_record_key_sum) over kind - {{ count }}_record_key_sum as other_{{ count }}_record_key_sum{{ ',' if not loop.last }}
    {%- endfor %}
from counted
window kind as (partition by financial_year_start, contact_type, circumstance)
