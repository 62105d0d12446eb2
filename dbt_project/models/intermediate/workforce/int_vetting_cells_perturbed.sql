{#- int_vetting_cells as published: every count perturbed by its cell key, each outcome capped at the applications
    (macro perturbed_cells). -#}
{{ perturbed_cells(ref('int_vetting_cells'), ['financial_year_start', 'applicant_type_code', 'characteristic', 'group_code'],
                   vetting_counts().keys() | list, within=all_within_first(vetting_counts().keys() | list)) }}
