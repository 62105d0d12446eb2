select sex_code, sex_label, sort_order from {{ ref('sex') }}
