{#- CTE body: the month cells of unit_share_test, one row per partition x local month x unit x group: a unit's
    events of the group (`events`: one row per event with its unit, SQL `unit`, its group, SQL `group`, null and
    'Not stated' left out, its local `month`) and, for each measure of `measures` (a list of (name, boolean SQL
    condition)), `<name>_events`, those it holds for. Every count carries <count>_record_key_sum, the sum of its
    events' `record_key` (SQL of an event's key, macro record_key), from which its perturbation follows (macro
    perturbed_cells). -#}
{% macro unit_share_cells(events, unit, group, measures, month, record_key, partition=[]) -%}
    {%- set counts = {'events': 'true'} -%}
    {%- for name, condition in measures %}{% do counts.update({name ~ '_events': 'is_' ~ name}) %}{% endfor %}
    with share_events as (
        select
            {%- for column in partition %}
            {{ column }},
            {%- endfor %}
            {{ month }} as month_start,
            ({{ unit }})::text as unit_id,
            ({{ group }})::text as event_group,
            {{ record_key }} as record_key
            {%- for name, condition in measures %},
            coalesce({{ condition }}, false) as is_{{ name }}
            {%- endfor %}
        from {{ events }}
        where ({{ unit }}) is not null and ({{ group }}) is not null and ({{ group }}) <> 'Not stated'
    )

    select
        {%- for column in partition %}
        {{ column }},
        {%- endfor %}
        month_start, unit_id, event_group,
        {{- counts_with_record_key_sums(counts, 'record_key') }}
    from share_events
    group by {% for column in partition %}{{ column }}, {% endfor %}month_start, unit_id, event_group
{%- endmacro %}

{#- CTE body: shares of each unit's events by group, against the same unit's reference group (the outcome test
    below force level: find and arrest shares of a team's searches of Black people against its searches of
    White people; or the share removing more than outer clothing), from the month cells of unit_share_cells
    (`cells`) and its `measures`. One row per partition x period x unit x group, and group 'All' (every stated
    group, a total: the sum of the groups' cells, before any perturbation): `events`, and per
    measure `<name>_events`, `<name>_share` with its Wilson interval, `reference_<name>_share` and
    `<name>_share_ratio` to the reference group's share with its MOVER-Wilson interval (none for the reference
    group and 'All'), and `is_<name>_ratio_fdr_significant` after Benjamini-Hochberg control within each family
    of a measure, a period and the `partition` columns. `periods` maps months to periods (one row per period and
    month_start). The unit is `unit_id`, the group `event_group`. With `perturbed`, every count of a period (and
    of 'All') is perturbed by its own cell key, the sum of the key sums of its months (macro perturbed_cells; those
    of a measure capped at the events), and every share and ratio computed from the perturbed counts: a period's
    counts are then each within 2 of the truth, where sums of perturbed month cells would be off by about the
    square root of their cells (docs/methodology.md, Disclosure control). -#}
{% macro unit_share_test(cells, measures, periods, partition=[], perturbed=false) -%}
    {%- set reference = var('reference_ethnic_group') -%}
    {%- set period_keys = partition + ['period_type', 'period_start', 'period_end', 'unit_id'] -%}
    {%- set counts = ['events'] -%}
    {%- for name, condition in measures %}{% do counts.append(name ~ '_events') %}{% endfor %}
    with share_periods as (
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
            {%- for count in counts %}
            sum(share_months.{{ count }})::bigint as {{ count }}
            {%- if perturbed %},
            sum(share_months.{{ count }}_record_key_sum)::bigint as {{ count }}_record_key_sum
            {%- endif %}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ cells }} as share_months
        inner join {{ periods }} as periods on share_months.month_start = periods.month_start
        group by grouping sets (
            ({% for column in partition %}share_months.{{ column }}, {% endfor %}periods.period_type,
             periods.period_start, periods.period_end, share_months.unit_id, share_months.event_group),
            ({% for column in partition %}share_months.{{ column }}, {% endfor %}periods.period_type,
             periods.period_start, periods.period_end, share_months.unit_id)
        )
    ),

    {%- if perturbed %}

    share_perturbed as (
        {{ perturbed_cells('share_periods', period_keys + ['event_group'], counts, all_within_first(counts)) }}
    ),
    {%- endif %}

    {#- the unit's own reference-group counts, on every row but its own and 'All' (no ratio there) -#}
    share_references as (
        select
            share_counts.*,
            case when event_group not in ('{{ reference }}', 'All') then
                sum(events) filter (where event_group = '{{ reference }}') over unit_period end::bigint
                as reference_events
            {%- for name, condition in measures %},
            case when event_group not in ('{{ reference }}', 'All') then
                sum({{ name }}_events) filter (where event_group = '{{ reference }}') over unit_period end::bigint
                as reference_{{ name }}_events
            {%- endfor %}
        from {{ 'share_perturbed' if perturbed else 'share_periods' }} as share_counts
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
