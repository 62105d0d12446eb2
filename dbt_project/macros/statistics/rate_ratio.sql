{#- Ratio of two rates: (events / population) over (reference_events / reference_population). -#}
{% macro rate_ratio(events, population, reference_events, reference_population) -%}
    (case when ({{ population }}) > 0 and ({{ reference_events }}) > 0 and ({{ reference_population }}) > 0
          then (({{ events }})::numeric / ({{ population }})) / (({{ reference_events }})::numeric / ({{ reference_population }})) end)
{%- endmacro %}
