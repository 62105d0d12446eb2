{#- Fails with the rows whose estimate lies outside its own 95% interval (`<interval>_lower_95` to
    `<interval>_upper_95`; `interval` defaults to the column's name). Rows missing the estimate or a limit pass. -#}
{% test inside_its_interval(model, column_name, interval=none) %}
{%- set limits = interval or column_name -%}
select * from {{ model }}
where not ({{ column_name }} between {{ limits }}_lower_95 and {{ limits }}_upper_95)
{% endtest %}
