{#- The select of a workforce cells model: the records of `relation` by the `grain` columns x characteristic x
    group (macro workforce_characteristics), with each of `counts` (name -> condition on the record) and the sum of
    its records' keys (macro record_key of `record_id`). -#}
{% macro workforce_cells(relation, record_id, grain, counts) -%}
with records as (
    select *, {{ record_key(record_id) }} as record_key from {{ relation }}
)

select
    {%- for column in grain %}
    records.{{ column }},
    {%- endfor %}
    characteristics.characteristic,
    characteristics.group_code,
    {{ counts_with_record_key_sums(counts, 'records.record_key') }}
from records
cross join lateral {{ workforce_characteristics('records') }}
group by {{ range(1, grain | length + 3) | join(', ') }}
{%- endmacro %}
