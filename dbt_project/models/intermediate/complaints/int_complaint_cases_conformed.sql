{#- Complaint cases with the complainant's broad ethnic group and sex resolved, the financial year received,
    days to finalise, and whether the contact they arose from is in the warehouse (the conformed stop
    search or detention with the same keyed id). -#}
with cases as (
    select * from {{ ref('stg_complaints__cases') }}
),

searches as (
    select stop_search_id from {{ ref('int_stop_searches_conformed') }} where source_system = 'force'
),

detentions as (
    select detention_id from {{ ref('int_custody_detentions_conformed') }}
),

conformed as (
    select
        cases.case_id,
        cases.complainant_id,
        cases.received_date,
        {{ financial_year_start('cases.received_date') }} as financial_year_start,
        coalesce(ethnicity_values.broad_ethnic_group, 'Not stated') as complainant_ethnic_group,
        sex_values.sex_code as complainant_sex_code,
        cases.age_band_code as complainant_age_band_code,
        cases.disability as complainant_disability,
        cases.handling_route_code,
        cases.handling_route_code in ('SERVICE_RECOVERY', 'SCHEDULE_3_NOT_INVESTIGATED') as is_handled_without_investigation,
        cases.finalised_date,
        cases.finalised_date - cases.received_date as days_to_finalise,
        cases.case_outcome_code,
        cases.contact_type_code,
        cases.contact_record_id,
        case cases.contact_type_code
            when 'STOP_SEARCH' then searches.stop_search_id is not null
            when 'CUSTODY' then detentions.detention_id is not null
        end as is_contact_in_warehouse
    from cases
    left join {{ ref('ethnicity_source_values') }} as ethnicity_values
        on ethnicity_values.source_system = 'complaints_self_defined' and ethnicity_values.source_value = cases.ethnicity_value
    left join {{ ref('sex_source_values') }} as sex_values
        on sex_values.source_system = 'complaints' and sex_values.source_value = cases.sex_value
    left join searches on cases.contact_type_code = 'STOP_SEARCH' and searches.stop_search_id = cases.contact_record_id
    left join detentions on cases.contact_type_code = 'CUSTODY' and detentions.detention_id = cases.contact_record_id
)

select * from conformed
