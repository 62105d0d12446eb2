{#- Three columns: a group's ratio to the reference group (`name`) and its 95% limits (`<interval>_lower_95`,
    `<interval>_upper_95`; `interval` defaults to `name`). `of` says what is compared: 'rates' (events per
    exposure, rate_ratio_limit) or 'proportions' (successes of trials, proportion_ratio_limit, MOVER-Wilson).
    `estimable=true` nulls the ratio where ratio_status says it cannot be estimated (the limits stay). -#}
{% macro ratio_with_interval(events, base, reference_events, reference_base, name, interval=none, of='rates',
                             estimable=false) -%}
    {%- set limits = interval or name -%}
    {%- set limit = {'rates': rate_ratio_limit, 'proportions': proportion_ratio_limit}[of] -%}
    {%- set ratio = rate_ratio(events, base, reference_events, reference_base) -%}
    {{ estimable_ratio(ratio, events, base, reference_events, reference_base) if estimable else ratio }} as {{ name }},
        {{ limit(events, base, reference_events, reference_base, 'lower') }} as {{ limits }}_lower_95,
        {{ limit(events, base, reference_events, reference_base, 'upper') }} as {{ limits }}_upper_95
{%- endmacro %}
