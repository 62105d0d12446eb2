{#- A lateral subquery giving the person's HR record as it stood on a date: the history version valid that
    day, or for a date before their first snapshot (a joiner between snapshots) their first version; no row
    when no snapshot has ever shown the person. Use with `left join lateral ... as alias on true`. -#}
{% macro workforce_record_as_at(person_id, on_date) -%}
    (
        select history.*
        from {{ ref('int_workforce_person_history') }} as history
        where history.person_id = {{ person_id }}
        order by (history.valid_from <= {{ on_date }}) desc,
                 case when history.valid_from <= {{ on_date }} then history.valid_from end desc,
                 history.valid_from
        limit 1
    )
{%- endmacro %}
