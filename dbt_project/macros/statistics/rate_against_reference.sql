{#- The columns of a rate mart for one count (`events`, e.g. 'detentions') of the relation `joined`, which holds
    `<events>`, `population`, `reference_<events>`, `reference_population`, `all_<events>`,
    `not_stated_<events>` and `is_complete_period`: the group's count, population and rate per 1,000 with its
    interval (rate_with_interval), the reference group's count and population, the rate ratio with its interval
    (ratio_with_interval) and method, and the share of events whose ethnicity is not stated. -#}
{% macro rate_against_reference(events) -%}
        -- the group
        joined.{{ events }},
        joined.population,
        {{ rate_with_interval('joined.' ~ events, 'joined.population', complete='joined.is_complete_period') }},
        -- the reference group
        joined.reference_{{ events }},
        joined.reference_population,
        -- the ratio
        {{ ratio_with_interval('joined.' ~ events, 'joined.population', 'joined.reference_' ~ events, 'joined.reference_population', 'rate_ratio') }},
        {{ rate_ratio_method('joined.' ~ events, 'joined.reference_' ~ events) }} as rate_ratio_interval_method,
        -- ethnicity not stated
        joined.all_{{ events }},
        joined.not_stated_{{ events }},
        {{ share('joined.not_stated_' ~ events, 'joined.all_' ~ events) }} as not_stated_share
{%- endmacro %}
