{#- The counts of the recruitment target (int_recruitment_target_cells), each with the recruits it counts; each
    after the first counts a subset of the recruits. -#}
{% macro recruitment_target_counts() -%}
    {{ return({
        'recruits': 'true',
        'ethnic_minority_recruits': 'is_disclosed and not is_reference_group',
        'undisclosed_recruits': 'not is_disclosed',
    }) }}
{%- endmacro %}
