{#- Reporting periods over the months the custody data spans (macro reporting_periods). -#}
{{ reporting_periods(ref('int_custody_detentions_conformed'), 'arrived_date') }}
