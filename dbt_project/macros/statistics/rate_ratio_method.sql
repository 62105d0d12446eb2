{#- Which interval method rate_ratio_limit used for these counts. -#}
{% macro rate_ratio_method(events, reference_events) -%}
    (case when ({{ events }}) >= {{ var('small_count_for_log_method') }}
               and ({{ reference_events }}) >= {{ var('small_count_for_log_method') }}
          then 'log' else 'conditional Wilson' end)
{%- endmacro %}
