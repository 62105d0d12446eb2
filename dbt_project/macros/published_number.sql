{#- A number as GOV.UK publishes it: thousands separators and stray spaces removed; markers that mean "no
    figure" ('N/A', '-', blank) become null. Anything else that is not a number also becomes null, and the
    staging test published_numbers_are_numbers reports it. -#}
{% macro published_number(column) -%}
    (case when replace(btrim({{ column }}), ',', '') ~ '^-?\d+(\.\d+)?$'
          then replace(btrim({{ column }}), ',', '')::numeric end)
{%- endmacro %}
