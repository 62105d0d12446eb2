{#- Month-partitioned incremental models (docs/operations.md, What a night validates and builds). A night rebuilds the
    months its loads touched, those of the loads no build has taken in, new or superseded since (`months`: a
    relation of month_start, e.g. int_stop_search_rebuilt_months). A first build, and the build of a changed
    project (--full-refresh), build every month. A model's rows of a month depend only on that month's rows. -#}

{% macro months_rebuilt(months) -%}
    select month_start from {{ months }}
{%- endmacro %}

{#- The month (its first day) of a local date column. -#}
{% macro month_of(date_column) -%}
    date_trunc('month', {{ date_column }})::date
{%- endmacro %}

{#- A model's condition on its rows' local date: every row on a full build, the rebuilt months' otherwise. -#}
{% macro in_months_rebuilt(months, date_column) -%}
    {%- if is_incremental() -%} {{ month_of(date_column) }} in ({{ months_rebuilt(months) }}) {%- else -%} true {%- endif -%}
{%- endmacro %}

{#- The rows of a relation in the rebuilt months, as a parenthesised query with its alias (for a macro taking a
    relation). -#}
{% macro rows_of_months_rebuilt(relation, months, date_column) -%}
    (select * from {{ relation }} where {{ in_months_rebuilt(months, date_column) }}) as {{ relation.identifier }}_rebuilt
{%- endmacro %}

{#- A staging model's condition on its rows, by their time stamp: on an incremental build, rows of the rebuilt months
    from the loads holding any of them (`load_months`: load_id x month_start), found through raw's index on load_id. -#}
{% macro in_loads_of_months_rebuilt(load_months, months, timestamp) -%}
    {%- if is_incremental() -%}
    load_id in (select load_id from {{ load_months }} where month_start in ({{ months_rebuilt(months) }}))
        and {{ month_of("(" ~ timestamp ~ " at time zone 'Europe/London')::date") }} in ({{ months_rebuilt(months) }})
    {%- else -%} true {%- endif -%}
{%- endmacro %}

{#- The pre-hook of a month-partitioned model: on an incremental build, delete the rebuilt months' rows, which the
    model then inserts again (so a month whose rows all went leaves none). -#}
{% macro delete_months_rebuilt(months, date_column) -%}
    {%- if is_incremental() -%}
    delete from {{ this }} where {{ month_of(date_column) }} in ({{ months_rebuilt(months) }})
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}
