{#- CTE body: the internal benchmark below force level in one call, for any event source, from its month cells
    (`cells`: peer_benchmark_cells' columns, with the local month in the column `month`); `periods` maps months
    to periods (one row per period and month_start). For each period, unit and group other than the reference
    group: the unit's observed events of the group against those expected from
    its peers in the same strata (summed over the period's months, peer_benchmark_periods), screened when the
    unit has at least var('oversight_minimum_events') events and var('oversight_minimum_expected') expected
    ones, on a funnel plot with overdispersion and false discovery rate control (funnel_plot). A family is a
    period, a group and the `partition` columns (e.g. unit_level, ethnicity_basis). The unit is `unit_id` in the
    result. Used as `with benchmark as ({{ internal_benchmark('cells', 'month_start',
    ref('int_stop_search_oversight_periods'), partition=['unit_level', 'ethnicity_basis']) }})`. With
    `perturbed` (cells with key sums), a period's events and observed are each perturbed by their own cell key,
    the sum of the key sums of its months (macro perturbed_count; observed capped at the events), and expected and
    the null variance scaled with the events (x perturbed / true events): every figure of the funnel is then
    computed from the perturbed counts, and a period's counts are each within 2 of the truth, where sums of
    perturbed month cells would be off by about the square root of their cells (docs/methodology.md, Disclosure
    control). -#}
{% macro internal_benchmark(cells, month, periods, partition=[], perturbed=false) -%}
    {%- set grain = partition + ['period_type', 'period_start', 'period_end', 'unit_id', 'event_group'] -%}
    with benchmark_periods as (
        {{ peer_benchmark_periods(cells, month, periods, partition, record_key_sums=perturbed) }}
    ),

    {%- if perturbed %}

    -- materialized: each count is perturbed once (inlined, every reference would repeat its lookup)
    benchmark_perturbed as materialized (
        select
            benchmark_periods.*,
            {{ perturbed_count('events', 'events_record_key_sum') }} as perturbed_events,
            {{ perturbed_count('observed', 'observed_record_key_sum') }} as perturbed_observed
        from benchmark_periods
    ),
    {%- endif %}

    benchmark_counts as (
        {%- if perturbed %}
        select
            {%- for column in grain %}
            {{ column }},
            {%- endfor %}
            perturbed_events as events,
            events_without_peers,
            least(perturbed_observed, perturbed_events) as observed,
            case when events > 0 then expected * perturbed_events / events else 0 end as expected,
            case when events > 0 then null_variance * perturbed_events / events else 0 end as null_variance
        from benchmark_perturbed
        {%- else %}
        select * from benchmark_periods
        {%- endif %}
    )

    select * from ({{ funnel_plot('benchmark_counts', partition + ['period_type', 'period_start', 'event_group'],
        'benchmark_counts.events >= ' ~ var('oversight_minimum_events')
        ~ ' and benchmark_counts.expected >= ' ~ var('oversight_minimum_expected')) }}) as benchmark
{%- endmacro %}
