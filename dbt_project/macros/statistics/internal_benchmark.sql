{#- CTE body: the internal benchmark below force level in one call, for any event source. `events` has one row per
    event with its unit (SQL `unit`: an officer, a team, a location), its stratum (`strata`, holding the local
    `month` column; e.g. LPU x month x shift, police_shift) and its group (SQL `group`, e.g. the broad ethnic
    group of the person); `periods` maps months to periods (one row per period and month_start). For each
    period, unit and group other than the reference group: the unit's observed events of the group against
    those expected from its peers in the same strata (peer_benchmark), screened when the unit has at least
    var('oversight_minimum_events') events and var('oversight_minimum_expected') expected ones, on a funnel
    plot with overdispersion and false discovery rate control (funnel_plot). A family is a period, a group
    and the `partition` columns (e.g. ethnicity_basis). The unit is `unit_id` in the result. Used as
    `with benchmark as ({{ internal_benchmark('searches', 'team_code', 'broad_ethnic_group',
    ['lpu_code', 'month_start', 'shift'], 'month_start', ref('int_stop_search_reporting_periods')) }})`. -#}
{% macro internal_benchmark(events, unit, group, strata, month, periods, partition=[]) -%}
    with benchmark_counts as (
        {{ peer_benchmark(events, unit, group, strata, month, periods, partition) }}
    )

    select * from ({{ funnel_plot('benchmark_counts', partition + ['period_type', 'period_start', 'event_group'],
        'benchmark_counts.events >= ' ~ var('oversight_minimum_events')
        ~ ' and benchmark_counts.expected >= ' ~ var('oversight_minimum_expected')) }}) as benchmark
{%- endmacro %}
