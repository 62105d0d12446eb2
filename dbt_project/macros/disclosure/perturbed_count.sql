{#- The count as published under cell-key perturbation: the count plus the perturbation the seed
    cell_key_perturbation gives its class and its cell key (the sum of its records' keys modulo 256). Zero stays
    zero. -#}
{% macro perturbed_count(count, record_key_sum) -%}
    ({{ count }} + coalesce((
        select perturbation.perturbation from {{ ref('cell_key_perturbation') }} as perturbation
        where {{ count }} between perturbation.smallest_count and coalesce(perturbation.largest_count, {{ count }})
          and mod({{ record_key_sum }}, 256) between perturbation.lowest_cell_key and perturbation.highest_cell_key
    ), 0))
{%- endmacro %}
