{#- Whether a ratio of two counts can be read, in words, so that a mart says so rather than print a wild
    number: 'not estimable: ...' when either side has no events (or no denominator), 'few events: read the
    interval' when either count is below var('small_count_for_log_method'), else 'estimated'. -#}
{% macro ratio_status(events, denominator, reference_events, reference_denominator) -%}
    (case
        when not (coalesce({{ denominator }}, 0) > 0) then 'not estimable: no denominator for the group'
        when not (coalesce({{ reference_denominator }}, 0) > 0) then 'not estimable: no denominator for the reference group'
        when coalesce({{ reference_events }}, 0) = 0 then 'not estimable: no events in the reference group'
        when coalesce({{ events }}, 0) = 0 then 'not estimable: no events in the group'
        when {{ events }} < {{ var('small_count_for_log_method') }} or {{ reference_events }} < {{ var('small_count_for_log_method') }}
            then 'few events: read the interval'
        else 'estimated'
    end)
{%- endmacro %}

{#- The ratio, or null when ratio_status says it cannot be estimated (the interval's limits stay where the
    interval method gives them: for a rate ratio with no events in the group, an upper limit). -#}
{% macro estimable_ratio(ratio, events, denominator, reference_events, reference_denominator) -%}
    (case when {{ ratio_status(events, denominator, reference_events, reference_denominator) }} like 'not estimable%'
          then null else {{ ratio }} end)
{%- endmacro %}
