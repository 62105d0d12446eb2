{#- The counts of vetting applications (int_vetting_cells), each with the applications it counts; each after the
    first counts a subset of the applications. -#}
{% macro vetting_counts() -%}
    {{ return({
        'applications': 'true',
        'granted': "outcome_code = 'GRANTED'",
        'refused': "outcome_code = 'REFUSED'",
        'withdrawn': "outcome_code = 'WITHDRAWN'",
    }) }}
{%- endmacro %}
