{#- The finest cells every published allegation count adds up: financial year received x complainant's broad group
    x subject officer's group x whether the allegation is of discriminatory behaviour, and the characteristic it
    names, with each count of macro allegation_counts and the sum of its allegations' keys (macro record_key), from
    which the cell's perturbation follows (int_allegation_cells_perturbed). -#}
with allegations as (
    select
        *,
        category_code = 'DISCRIMINATORY_BEHAVIOUR' as is_discriminatory_behaviour,
        {{ record_key('allegation_id') }} as allegation_key
    from {{ ref('int_allegations_described') }}
)

select
    {{ allegation_cell_grain() | join(', ') }},
    {{ counts_with_record_key_sums(allegation_counts(), 'allegation_key') }}
from allegations
group by {{ allegation_cell_grain() | join(', ') }}
