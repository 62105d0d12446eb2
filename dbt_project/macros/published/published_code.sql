{#- A code as every published table writes it: lower_snake_case ('OFFICER' -> 'officer', 'self-defined' ->
    'self_defined', 'PACE s1' -> 'pace_s1'). Its name is in reporting.labels. -#}
{% macro published_code(value) -%}
    lower(regexp_replace(btrim({{ value }}), '[^A-Za-z0-9]+', '_', 'g'))
{%- endmacro %}
