{#- One row per month the use-of-force data spans: subjects (by incident date), missing and partial months flagged
    (macro monthly_submissions). -#}
{{ monthly_submissions(ref('int_use_of_force_subjects'), 'incident_date', ref('int_use_of_force_reporting_periods')) }}
