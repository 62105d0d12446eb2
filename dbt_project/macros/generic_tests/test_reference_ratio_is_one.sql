{#- Fails with the reference group's rows whose ratio (to the reference group itself) is not 1. `reference`
    is the condition that picks the reference group's rows. -#}
{% test reference_ratio_is_one(model, column_name, reference='is_reference_group') %}
select * from {{ model }}
where ({{ reference }}) and {{ column_name }} is not null and abs({{ column_name }} - 1) > 1e-9
{% endtest %}
