{#- The select of a perturbed cells model: the `grain` columns of `cells` and each of its `counts` perturbed by its
    cell key (macro perturbed_count, from <count>_record_key_sum). `within` maps a count to the count whose records
    hold its records (searches that found the object, within searches; upheld allegations, within those with a
    finding): the count is then capped at that count's perturbed (and capped) value, so no published share exceeds
    1. A count's holder comes before it in `counts`. -#}
{% macro perturbed_cells(cells, grain, counts, within={}) -%}
{%- set capped = {} -%}
{%- for count in counts -%}
    {%- do capped.update({count: 'least(' ~ count ~ ', ' ~ capped[within[count]] ~ ')' if count in within else count}) -%}
{%- endfor -%}
-- materialized: each count is perturbed once (inlined, every cap that names it would repeat its lookup)
with perturbed as materialized (
    select
        {%- for column in grain %}
        {{ column }},
        {%- endfor %}
        {%- for count in counts %}
        {{ perturbed_count(count, count ~ '_record_key_sum') }} as {{ count }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ cells }}
)

select
    {%- for column in grain %}
    {{ column }},
    {%- endfor %}
    {%- for count in counts %}
    {{ capped[count] }} as {{ count }}{{ ',' if not loop.last }}
    {%- endfor %}
from perturbed
{%- endmacro %}

{#- `within` for perturbed_cells when the first of `counts` holds the records of all the others. -#}
{% macro all_within_first(counts) -%}
{%- set within = {} -%}
{%- for count in counts[1:] -%}
    {%- do within.update({count: counts[0]}) -%}
{%- endfor -%}
{{ return(within) }}
{%- endmacro %}

{#- The count columns of a cells model: for each count of `counts` (name -> condition on the records it counts),
    the count and <count>_record_key_sum, the sum of those records' `record_key` (macro perturbed_cells reads both). -#}
{% macro counts_with_record_key_sums(counts, record_key) -%}
    {%- for count, holds in counts.items() %}
    count(*) filter (where {{ holds }}) as {{ count }},
    coalesce(sum({{ record_key }}) filter (where {{ holds }}), 0)::bigint as {{ count }}_record_key_sum{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
