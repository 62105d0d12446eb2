{#- The measures of the outcome test below force level (mart_oversight_stop_search_outcomes), as (name, condition
    on int_stop_search_oversight_events) pairs: the search found what was searched for, ended in arrest, removed
    more than outer clothing, was a strip search. -#}
{% macro stop_search_oversight_measures() -%}
    {{ return([('find', 'is_outcome_linked_to_object'), ('arrest', 'is_arrest'),
               ('more_than_outer_clothing', 'is_more_than_outer_clothing_removed'), ('strip_search', 'is_strip_search')]) }}
{%- endmacro %}
