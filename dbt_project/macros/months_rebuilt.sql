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

{#- A month-partitioned model whose every month depends on a fact of all its months (`every_month_when`: SQL of a
    condition, e.g. that the groups its cells are a grid of changed): its pre-hook deletes the rebuilt months' rows,
    or every row when the condition holds (delete_months_rebuilt's `every_month_when`), and the model rebuilds the
    rows of the rebuilt months, or every month's when its table was emptied so. -#}
{% macro rows_of_months_rebuilt_or_every_month_when_emptied(relation, months, date_column) -%}
    (select * from {{ relation }} where {{ in_months_rebuilt(months, date_column) }}
        {%- if is_incremental() %} or not exists (select from {{ this }}){% endif %}) as {{ relation.identifier }}_rebuilt
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
    model then inserts again (so a month whose rows all went leaves none); every row when `every_month_when`. -#}
{% macro delete_months_rebuilt(months, date_column, every_month_when=none) -%}
    {%- if is_incremental() -%}
    delete from {{ this }} where {{ month_of(date_column) }} in ({{ months_rebuilt(months) }})
        {%- if every_month_when %} or ({{ every_month_when }}){% endif %}
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}
