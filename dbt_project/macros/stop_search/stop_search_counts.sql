{#- The counts of stop and search, each with the searches it counts: every count below `searches` counts a
    subset of the searches. -#}
{% macro stop_search_counts() -%}
    {{ return({
        'searches': 'true',
        'searches_finding_object': 'searches.is_outcome_linked_to_object',
        'searches_ending_in_arrest': 'coalesce(outcomes.is_arrest, false)',
        'searches_removing_more_than_outer_clothing': 'searches.is_more_than_outer_clothing_removed',
        'searches_of_people': 'not searches.is_vehicle_only',
    }) }}
{%- endmacro %}

{#- The columns one month cell of stop and search is per (int_stop_search_month_cells). -#}
{% macro stop_search_cell_grain() -%}
    {{ return(['month_start', 'lpu_code', 'legislation_group', 'ethnicity_basis', 'broad_ethnic_group',
               'detailed_ethnic_group']) }}
{%- endmacro %}

{#- The legislation group of a search's cell, from its row of the seed `legislation` joined as `legislation`:
    Other when its code is not in the seed. -#}
{% macro stop_search_legislation_group(legislation) -%}
    coalesce({{ legislation }}.legislation_group, 'Other')
{%- endmacro %}
