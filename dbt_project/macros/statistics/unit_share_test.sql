{#- CTE body: shares of each unit's events by group, against the same unit's reference group (the outcome test
    below force level: find and arrest shares of a team's searches of Black people against its searches of
    White people; or the share removing more than outer clothing). `events` has one row per event with its
    unit (SQL `unit`), group (SQL `group`; null and 'Not stated' left out), local `month` and one boolean SQL
    condition per measure (`measures`: a list of (name, condition)). One row per partition x period x unit x
    group, and group 'All' (every stated group, a total): `events`, and per measure `<name>_events`,
    `<name>_share` with its Wilson interval, `reference_<name>_share` and `<name>_share_ratio` to the reference
    group's share with its MOVER-Wilson interval (none for the reference group and 'All'), and
    `is_<name>_ratio_fdr_significant` after Benjamini-Hochberg control within each family of a measure, a period
    and the `partition` columns. The unit is `unit_id`, the group `event_group`. -#}
{% macro unit_share_test(events, unit, group, measures, month, periods, partition=[]) -%}
    {%- set reference = var('reference_ethnic_group') -%}
    {%- set period_keys = partition + ['period_type', 'period_start', 'period_end', 'unit_id'] -%}
    with share_events as (
        select
            {%- for column in partition %}
            {{ column }},
            {%- endfor %}
            {{ month }} as month_start,
            ({{ unit }})::text as unit_id,
            ({{ group }})::text as event_group
            {%- for name, condition in measures %},
            coalesce({{ condition }}, false) as is_{{ name }}
            {%- endfor %}
        from {{ events }}
        where ({{ unit }}) is not null and ({{ group }}) is not null and ({{ group }}) <> 'Not stated'
    ),

    share_months as (
        select
            {%- for column in partition %}
            {{ column }},
            {%- endfor %}
            month_start, unit_id, event_group, count(*) as events
            {%- for name, condition in measures %},
            count(*) filter (where is_{{ name }}) as {{ name }}_events
            {%- endfor %}
        from share_events
        group by {% for column in partition %}{{ column }}, {% endfor %}month_start, unit_id, event_group
    ),

    share_periods as (
        select
            {%- for column in partition %}
            share_months.{{ column }},
            {%- endfor %}
            periods.period_type,
            periods.period_start,
            periods.period_end,
            share_months.unit_id,
            case when grouping(share_months.event_group) = 1 then 'All' else share_months.event_group end
                as event_group,
            sum(share_months.events)::bigint as events
            {%- for name, condition in measures %},
            sum(share_months.{{ name }}_events)::bigint as {{ name }}_events
            {%- endfor %}
        from share_months
        inner join {{ periods }} as periods on share_months.month_start = periods.month_start
        group by grouping sets (
            ({% for column in partition %}share_months.{{ column }}, {% endfor %}periods.period_type,
             periods.period_start, periods.period_end, share_months.unit_id, share_months.event_group),
            ({% for column in partition %}share_months.{{ column }}, {% endfor %}periods.period_type,
             periods.period_start, periods.period_end, share_months.unit_id)
        )
    ),

    {#- the unit's own reference-group counts, on every row but its own and 'All' (no ratio there) -#}
    share_references as (
        select
            share_periods.*,
            case when event_group not in ('{{ reference }}', 'All') then
                sum(events) filter (where event_group = '{{ reference }}') over unit_period end::bigint
                as reference_events
            {%- for name, condition in measures %},
            case when event_group not in ('{{ reference }}', 'All') then
                sum({{ name }}_events) filter (where event_group = '{{ reference }}') over unit_period end::bigint
                as reference_{{ name }}_events
            {%- endfor %}
        from share_periods
        window unit_period as (partition by {{ period_keys | join(', ') }})
    ),

    {#- materialized: inlined, each ratio's long interval expressions would be repeated in every later reference -#}
    share_measured as materialized (
        select
            share_references.*
            {%- for name, condition in measures %},
            {{ share_with_interval(name ~ '_events', 'events', name ~ '_share') }},
            {{ share('reference_' ~ name ~ '_events', 'reference_events') }} as reference_{{ name }}_share,
            {{ ratio_with_interval(name ~ '_events', 'events', 'reference_' ~ name ~ '_events', 'reference_events',
                                   name ~ '_share_ratio', of='proportions') }}
            {%- endfor %}
        from share_references
    ),

    {%- set ratios, names = [], [] %}
    {%- for name, condition in measures %}{% do ratios.append(name ~ '_share_ratio') %}{% do names.append(name ~ '_ratio') %}{% endfor %}

    share_tested as (
        {{ ratios_with_false_discovery_control('share_measured', ratios, partition + ['period_type', 'period_start'],
            tested="reference_events is not null", name=names) }}
    )

    select * from share_tested
{%- endmacro %}
