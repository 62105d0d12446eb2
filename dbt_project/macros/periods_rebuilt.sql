{#- Period-partitioned incremental models (docs/operations.md, What a night validates and builds): a mart whose rows
    of a period depend only on that period's months (each period a family of its own: the oversight marts) keeps
    the periods a night did not change. A night rebuilds the periods holding a rebuilt month (`months`, e.g.
    int_stop_search_rebuilt_months), those whose coverage changed (a corrected month changes whether the six months
    after it look partial) and those that no longer are; every period when `every_period_when` holds. A first
    build, and the build of a changed project (--full-refresh), build every period. `periods` has one row per
    period and contained month_start, with months_partial and is_complete_period (macro oversight_periods), as
    the model's rows have. -#}

{#- The pre-hook: on an incremental build, delete the rows of the periods rebuilt, which the model then inserts
    again (rows_of_periods_not_held). -#}
{% macro delete_periods_rebuilt(periods, months, every_period_when=none) -%}
    {%- if is_incremental() -%}
    delete from {{ this }} as held
    where (held.period_type, held.period_start) in (
            select period_type, period_start from {{ periods }} where month_start in ({{ months_rebuilt(months) }}))
        or not exists (
            select from {{ periods }} as periods
            where periods.period_type = held.period_type and periods.period_start = held.period_start
                and periods.months_partial = held.months_partial
                and periods.is_complete_period = held.is_complete_period)
        {%- if every_period_when %}
        or ({{ every_period_when }})
        {%- endif %}
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}

{#- The rows of `periods` (a relation) of the periods the model's table holds no row of (all of them on a full
    build), as a parenthesised query with its alias. -#}
{% macro rows_of_periods_not_held(periods) -%}
    (
     {%- if is_incremental() %}
     with held as materialized (select distinct period_type, period_start from {{ this }})
     {%- endif %}
     select * from {{ periods }} as periods
     {%- if is_incremental() %}
     where not exists (select from held
                       where held.period_type = periods.period_type and held.period_start = periods.period_start)
     {%- endif %}) as {{ periods.identifier }}_not_held
{%- endmacro %}

{#- The rows of month cells (`cells`, a relation with month_start) of the months those periods hold, as a
    parenthesised query with its alias. -#}
{% macro cells_of_periods_not_held(cells, periods) -%}
    (select * from {{ cells }}
     {%- if is_incremental() %}
     where month_start in (select month_start from {{ rows_of_periods_not_held(periods) }})
     {%- endif %}) as {{ cells.identifier }}_of_periods_not_held
{%- endmacro %}

{#- Condition: the groups a period-partitioned internal benchmark's cells test (each unit level's, or with
    unit_name 'officer_id' the officers' alone) are not those its table holds: the cells then rebuilt every month
    (oversight_tested_groups_changed), and every period changes. -#}
{% macro oversight_mart_groups_changed(cells, unit_name='unit_id') -%}
    {%- set level = 'unit_level, ' if unit_name == 'unit_id' else '' -%}
    {{ groups_differ('select distinct ' ~ level ~ 'ethnicity_basis, event_group from ' ~ cells,
                     'select distinct ' ~ level ~ 'ethnicity_basis, ethnic_group from ' ~ this) }}
{%- endmacro %}
