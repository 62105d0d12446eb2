{#- The select of a perturbed month-cells model: the `grain` columns of `cells` and each of its `counts` perturbed
    by its cell key (macro perturbed_count, from <count>_record_key_sum). The counts after the first count subsets
    of the first's records when `first_holds_the_others` (e.g. searches, and those that found the object): they are
    then capped at the first's perturbed value, so no published share exceeds 1. -#}
{% macro perturbed_cells(cells, grain, counts, first_holds_the_others=false) -%}
with perturbed as (
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
    {{ 'least(' ~ count ~ ', ' ~ counts[0] ~ ')' if first_holds_the_others and not loop.first else count }} as {{ count }}{{ ',' if not loop.last }}
    {%- endfor %}
from perturbed
{%- endmacro %}
