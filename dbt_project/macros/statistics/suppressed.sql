{#- The value, or null when any of the counts it is computed from is below the suppression threshold. -#}
{% macro suppressed(value, counts) -%}
    (case when {% for count in counts %}coalesce({{ count }}, 0) < {{ var('suppression_threshold') }}{% if not loop.last %} or {% endif %}{% endfor %}
          then null else {{ value }} end)
{%- endmacro %}
