{#- One row per month the custody data spans: detentions (by arrival), missing and partial months flagged
    (macro monthly_submissions). -#}
{{ monthly_submissions(ref('int_custody_detentions_conformed'), 'arrived_date', ref('int_custody_reporting_periods')) }}
