{#- Fails with the rows whose value lies outside [min_value, max_value] (nulls pass). -#}
{% test between(model, column_name, min_value, max_value) %}
select * from {{ model }} where {{ column_name }} not between {{ min_value }} and {{ max_value }}
{% endtest %}
