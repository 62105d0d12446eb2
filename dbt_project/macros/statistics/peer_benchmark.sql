{#- CTE body: the internal benchmark's month cells, one row per partition x month x unit x tested group. Each
    event of `events` belongs to one unit (the SQL `unit`), one stratum (the `strata` columns, one of which,
    `month`, is the local month) and one group (the SQL `group`; null and
    'Not stated' events are left out, having no group to compare). For every group other than the reference
    group (var reference_ethnic_group), that group against all the rest: in each stratum, the unit's peers are
    the other units' events of the same partition and stratum, and their share of the group,
    p = (group events of the stratum - the unit's) / (events of the stratum - the unit's), is what the unit's n
    events of the stratum are expected to hold, n p. Summed over the unit's strata in the month:
      observed       the unit's events of the group (in strata with peers)
      expected       sum of n p
      null_variance  sum of n p (1 - p) (1 + n / peer events): the variance of observed - expected when the
                     unit and its peers share one p (binomial, the second term for p estimated from the peers)
      events         the unit's events with a stated group in strata with peers
      events_without_peers  the unit's events with a stated group in strata where it had no peers (not compared)
    The `partition` columns (e.g. ethnicity_basis) split the events into separate benchmarks. With `record_key`
    (SQL of an event's key, macro record_key), events and observed carry <count>_record_key_sum, the sum of
    their events' keys, from which a period's perturbation follows (internal_benchmark's `perturbed`). A period is
    the sum of its months (peer_benchmark_periods). Every unit's strata hold a row for every group tested in its
    partition (peer_benchmark_tested_groups), with its zeros: those of `events`, or of `tested_from` (the events of
    every month, when `events` are some months' alone: a month-partitioned model). -#}
{% macro peer_benchmark_cells(events, unit, group, strata, month, partition=[], record_key=none, tested_from=none) -%}
    {%- set stratum = partition + strata -%}
    {%- set keys = partition + strata + ['unit_id'] -%}
    with benchmark_events as (
        select
            {%- for column in stratum %}
            {{ column }},
            {%- endfor %}
            ({{ unit }})::text as unit_id,
            ({{ group }})::text as event_group{{ ',' if record_key }}
            {%- if record_key %}
            {{ record_key }} as record_key
            {%- endif %}
        from {{ events }}
        where {{ peer_benchmark_compared(unit, group, strata) }}
    ),

    tested_groups as (
        {%- if tested_from %}
        {{ peer_benchmark_tested_groups(tested_from, unit, group, strata, partition) }}
        {%- else %}
        {{ peer_benchmark_tested_groups('benchmark_events', 'unit_id', 'event_group', strata, partition) }}
        {%- endif %}
    ),

    unit_strata as (
        select {{ keys | join(', ') }}, count(*) as events{% if record_key %}, sum(record_key) as events_record_key_sum{% endif %}
        from benchmark_events
        group by {{ keys | join(', ') }}
    ),

    unit_stratum_groups as (
        select {{ keys | join(', ') }}, event_group, count(*) as group_events{% if record_key %}, sum(record_key) as group_events_record_key_sum{% endif %}
        from benchmark_events
        group by {{ keys | join(', ') }}, event_group
    ),

    {#- every unit's strata against every tested group, with its zeros -#}
    unit_stratum_grid as (
        select
            unit_strata.*,
            tested_groups.event_group,
            coalesce(unit_stratum_groups.group_events, 0) as group_events
            {%- if record_key %},
            coalesce(unit_stratum_groups.group_events_record_key_sum, 0) as group_events_record_key_sum
            {%- endif %}
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
            {%- if record_key %}
            case when peer_events > 0 then events_record_key_sum else 0 end as events_record_key_sum,
            case when peer_events > 0 then group_events_record_key_sum else 0 end as observed_record_key_sum,
            {%- endif %}
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
            sum(events)::bigint as events,
            sum(events_without_peers)::bigint as events_without_peers,
            sum(observed)::bigint as observed,
            sum(expected) as expected,
            sum(null_variance) as null_variance
            {%- if record_key %},
            sum(events_record_key_sum)::bigint as events_record_key_sum,
            sum(observed_record_key_sum)::bigint as observed_record_key_sum
            {%- endif %}
        from stratum_terms
        group by {% for column in partition %}{{ column }}, {% endfor %}{{ month }}, unit_id, event_group
    )

    select * from month_terms
{%- endmacro %}

{#- CTE body: the internal benchmark's counts, one row per partition x period x unit x tested group: the month
    cells of peer_benchmark_cells (`cells`, its local month in the column `month`) summed over the months of each
    period (`periods`: one row per period and contained month_start, int_stop_search_reporting_periods), with
    their key sums when `record_key_sums` (the cells were counted with a record_key). -#}
{% macro peer_benchmark_periods(cells, month, periods, partition=[], record_key_sums=false) -%}
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
        {%- if record_key_sums %},
        sum(month_terms.events_record_key_sum)::bigint as events_record_key_sum,
        sum(month_terms.observed_record_key_sum)::bigint as observed_record_key_sum
        {%- endif %}
    from {{ cells }} as month_terms
    inner join {{ periods }} as periods on month_terms.{{ month }} = periods.month_start
    -- the unit first: sorted to group, rows that share their first keys cost a comparison of every key (a
    -- month's cells join a dozen periods), and the unit tells most rows apart at once (the officers' benchmark
    -- on the all-sources test night: 5.6 s against 10 s)
    group by
        month_terms.unit_id, month_terms.event_group, periods.period_start, periods.period_type, periods.period_end
        {%- for column in partition %},
        month_terms.{{ column }}
        {%- endfor %}
{%- endmacro %}

{#- Condition on an event of peer_benchmark_cells: it has a unit, a stated group and every stratum column. -#}
{% macro peer_benchmark_compared(unit, group, strata) -%}
    ({{ unit }}) is not null and ({{ group }}) is not null and ({{ group }}) <> 'Not stated'
    {%- for column in strata %}
    and {{ column }} is not null
    {%- endfor %}
{%- endmacro %}

{#- Query: the groups peer_benchmark_cells tests in each partition of `events` (one row per partition and
    event_group): every group of a compared event (peer_benchmark_compared) but the reference group. -#}
{% macro peer_benchmark_tested_groups(events, unit, group, strata, partition=[]) -%}
    select distinct
        {%- for column in partition %}
        {{ column }},
        {%- endfor %}
        ({{ group }})::text as event_group
    from {{ events }}
    where {{ peer_benchmark_compared(unit, group, strata) }} and ({{ group }}) <> '{{ var("reference_ethnic_group") }}'
{%- endmacro %}
