{#- int_complaint_circumstance_counts as published: each count perturbed by its own cell key (macro perturbed_cells).
    A value's count and the count of all other contacts are two cells each (not a part and its total), so their sum
    is not the year's total and the total is not published: differencing meets the noise of both. -#}
{{ perturbed_cells(ref('int_complaint_circumstance_counts'), complaint_circumstance_grain(),
                   ['contacts', 'complaints', 'other_contacts', 'other_complaints']) }}
