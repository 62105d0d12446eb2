{#- The finest cells every published vetting count adds up: financial year of decision x applicant type x
    characteristic x group, with the applications, those granted, refused and withdrawn, each with the sum of its
    applications' keys, from which the cell's perturbation follows (int_vetting_cells_perturbed). -#}
{{ workforce_cells(ref('int_vetting_conformed'), 'vetting_id', ['financial_year_start', 'applicant_type_code'],
                   vetting_counts()) }}
