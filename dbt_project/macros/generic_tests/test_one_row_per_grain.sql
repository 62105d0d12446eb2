{#- Fails with the combinations of the grain's columns that occur more than once. The grain is the one the
    model declares in its YAML meta (`config: {meta: {grain: [...]}}`), so it is written once and read by the
    docs and suites too; `grain` names another key the rows are also unique on. -#}
{% test one_row_per_grain(model, grain=none) %}
{%- set columns = grain or declared_grain(model) -%}
select {{ columns | join(', ') }}, count(*) as occurrences
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
