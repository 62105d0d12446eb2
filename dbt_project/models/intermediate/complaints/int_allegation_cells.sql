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
    {%- for column in allegation_cell_grain() %}
    {{ column }},
    {%- endfor %}
    {%- for count, holds in allegation_counts().items() %}
    count(*) filter (where {{ holds }}) as {{ count }},
    coalesce(sum(allegation_key) filter (where {{ holds }}), 0)::bigint as {{ count }}_record_key_sum{{ ',' if not loop.last }}
    {%- endfor %}
from allegations
group by {{ allegation_cell_grain() | join(', ') }}
