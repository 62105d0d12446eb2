{#- True when any of the counts is below the suppression threshold. -#}
{% macro is_suppressed(counts) -%}
    ({% for count in counts %}coalesce({{ count }}, 0) < {{ var('suppression_threshold') }}{% if not loop.last %} or {% endif %}{% endfor %})
{%- endmacro %}
