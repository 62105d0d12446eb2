{#- The areas every count is reported for: the force area (FORCE) and each local policing unit. -#}
select 'FORCE' as area_code
union all
select lpu_code from {{ ref('local_policing_units') }}
