{#- CTE body: the internal benchmark's counts, one row per partition x period x unit x tested group. Each event
    of `events` belongs to one unit (the SQL `unit`), one stratum (the `strata` columns, one of which, `month`,
    is the local month the `periods` relation maps to periods) and one group (the SQL `group`; null and
    'Not stated' events are left out, having no group to compare). For every group other than the reference
    group (var reference_ethnic_group), that group against all the rest: in each stratum, the unit's peers are
    the other units' events of the same partition and stratum, and their share of the group,
    p = (group events of the stratum - the unit's) / (events of the stratum - the unit's), is what the unit's n
    events of the stratum are expected to hold, n p. Summed over the unit's strata in the period:
      observed       the unit's events of the group (in strata with peers)
      expected       sum of n p
      null_variance  sum of n p (1 - p) (1 + n / peer events): the variance of observed - expected when the
                     unit and its peers share one p (binomial, the second term for p estimated from the peers)
      events         the unit's events with a stated group in strata with peers
      events_without_peers  the unit's events with a stated group in strata where it had no peers (not compared)
    `periods` has one row per period and contained month_start (int_stop_search_reporting_periods); the
    `partition` columns (e.g. ethnicity_basis) split the events into separate benchmarks. -#}
{% macro peer_benchmark(events, unit, group, strata, month, periods, partition=[]) -%}
    {%- set stratum = partition + strata -%}
    {%- set keys = partition + strata + ['unit_id'] -%}
    with benchmark_events as (
        select
            {%- for column in stratum %}
            {{ column }},
            {%- endfor %}
            ({{ unit }})::text as unit_id,
            ({{ group }})::text as event_group
        from {{ events }}
        where ({{ unit }}) is not null and ({{ group }}) is not null and ({{ group }}) <> 'Not stated'
            {%- for column in strata %}
            and {{ column }} is not null
            {%- endfor %}
    ),

    tested_groups as (
        select distinct
            {%- for column in partition %}
            {{ column }},
            {%- endfor %}
            event_group
        from benchmark_events
        where event_group <> '{{ var("reference_ethnic_group") }}'
    ),

    unit_strata as (
        select {{ keys | join(', ') }}, count(*) as events
        from benchmark_events
        group by {{ keys | join(', ') }}
    ),

    unit_stratum_groups as (
        select {{ keys | join(', ') }}, event_group, count(*) as group_events
        from benchmark_events
        group by {{ keys | join(', ') }}, event_group
    ),

    {#- every unit's strata against every tested group, with its zeros -#}
    unit_stratum_grid as (
        select
            unit_strata.*,
            tested_groups.event_group,
            coalesce(unit_stratum_groups.group_events, 0) as group_events
        from unit_strata
        inner join tested_groups
            on true
            {%- for column in partition %}
            and unit_strata.{{ column }} = tested_groups.{{ column }}
            {%- endfor %}
        left join unit_stratum_groups
            on tested_groups.event_group = unit_stratum_groups.event_group
            {%- for column in keys %}
            and unit_strata.{{ column }} = unit_stratum_groups.{{ column }}
            {%- endfor %}
    ),

    with_peers as (
        select
            unit_stratum_grid.*,
            sum(events) over peer_stratum - events as peer_events,
            sum(group_events) over peer_stratum - group_events as peer_group_events
        from unit_stratum_grid
        window peer_stratum as (partition by {{ stratum | join(', ') }}, event_group)
    ),

    {#- double precision: the funnel's sqrt, powers and sums run on these; numeric made the oversight marts the
        slowest of the build -#}
    stratum_terms as (
        select
            {{ keys | join(', ') }},
            event_group,
            case when peer_events > 0 then events else 0 end as events,
            case when peer_events = 0 then events else 0 end as events_without_peers,
            case when peer_events > 0 then group_events else 0 end as observed,
            case when peer_events > 0 then events * peer_group_events::double precision / peer_events else 0 end
                as expected,
            case when peer_events > 0 then events * (peer_group_events::double precision / peer_events)
                * (1 - peer_group_events::double precision / peer_events) * (1 + events::double precision / peer_events)
                else 0 end as null_variance
        from with_peers
    ),

    {#- a unit's strata of one month summed before the months are spread over their periods (each month is in
        up to 15: its month, quarter, financial year and twelve rolling windows) -#}
    month_terms as (
        select
            {%- for column in partition %}
            {{ column }},
            {%- endfor %}
            {{ month }},
            unit_id,
            event_group,
            sum(events) as events,
            sum(events_without_peers) as events_without_peers,
            sum(observed) as observed,
            sum(expected) as expected,
            sum(null_variance) as null_variance
        from stratum_terms
        group by {% for column in partition %}{{ column }}, {% endfor %}{{ month }}, unit_id, event_group
    ),

    period_terms as (
        select
            {%- for column in partition %}
            month_terms.{{ column }},
            {%- endfor %}
            periods.period_type,
            periods.period_start,
            periods.period_end,
            month_terms.unit_id,
            month_terms.event_group,
            sum(month_terms.events)::bigint as events,
            sum(month_terms.events_without_peers)::bigint as events_without_peers,
            sum(month_terms.observed)::bigint as observed,
            sum(month_terms.expected) as expected,
            sum(month_terms.null_variance) as null_variance
        from month_terms
        inner join {{ periods }} as periods on month_terms.{{ month }} = periods.month_start
        group by
            {%- for column in partition %}
            month_terms.{{ column }},
            {%- endfor %}
            periods.period_type, periods.period_start, periods.period_end, month_terms.unit_id,
            month_terms.event_group
    )

    select * from period_terms
{%- endmacro %}
