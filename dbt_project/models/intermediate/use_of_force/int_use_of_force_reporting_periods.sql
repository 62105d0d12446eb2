{#- Reporting periods over the months the use-of-force data spans (macro reporting_periods). -#}
{{ reporting_periods(ref('int_use_of_force_subjects'), 'incident_date') }}
