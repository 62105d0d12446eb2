{#- int_leaver_cells as published: every count perturbed by its cell key (macro perturbed_cells). -#}
{{ perturbed_cells(ref('int_leaver_cells'), ['financial_year_start', 'workforce_type_code', 'characteristic',
                                             'group_code', 'leaver_reason_code'], ['leavers']) }}
