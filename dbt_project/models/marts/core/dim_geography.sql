{#- Areas the data can be located to: the force area, its local policing units, and 'Unknown' for searches
    a source does not locate below force level (police.uk). -#}
with local_policing_units as (
    select * from {{ ref('local_policing_units') }}
),

areas as (
    select 'FORCE' as area_code, 'force' as area_level, 'West Midlands Police force area' as area_name,
           null as la_code, null as la_name
    union all
    select lpu_code, 'local policing unit', lpu_name, la_code, la_name from local_policing_units
    union all
    select 'UNKNOWN', 'unknown', 'Not located below force level', null, null
)

select * from areas
