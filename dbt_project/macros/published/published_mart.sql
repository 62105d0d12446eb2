{#- The whole select of a published model, generated from its YAML (models/published/): every column listed
    there, in that order, cast to its data_type (the contract: numeric(14,2) rounds to 2 decimal places),
    each as its `config.meta` says. A published model is one line:
    `{{ published_mart(ref('mart_x')) }}`. The meta keys (docs/data-dictionary.md shows them per column):
      from             SQL over the mart for the value (default: the mart's column of the same name)
      suppressed_with  mart counts; the value is null when any of them is below the suppression threshold
      public_when      SQL over the mart: rows where the value is public and never suppressed (residents)
      code             the value is a code of this list: written lower_snake_case (macro published_code),
                       named in reporting.labels under that code_list
      code_list_column the value is a code of the list the named column holds (a workforce group of its
                       characteristic), written and named likewise
      status_of        the column is the status of the measure family headed by the named column, in the
                       vocabulary of macro publication_status
      not_applicable_when  (on a status column) SQL over the mart: rows where the family has no meaning
    and on the model, `config.meta.where` (SQL over the mart: the rows published),
    `config.meta.complete_period` (the mart's column saying the period is complete) and `config.meta.grain` (the
    columns one row is per, which the data dictionary states and the generated suite checks; `never_empty` adds
    a check that the table has rows, for the tables every night must publish). -#}
{% macro published_mart(mart) -%}
    {%- set model_meta = model.config.get('meta', {}) -%}
    select
    {%- for column in model.columns.values() %}
        {{ published_value(column, model.columns, model_meta) }} as {{ column.name }}{{ ',' if not loop.last }}
    {%- endfor %}
    from {{ mart }}
    {%- if model_meta.get('where') %}
    where {{ model_meta['where'] }}
    {%- endif %}
{%- endmacro %}

{#- One published column's SQL, from its meta (see published_mart). -#}
{% macro published_value(column, columns, model_meta) -%}
    {%- set meta = column.config.get('meta', {}) or column.meta -%}
    {%- if meta.get('status_of') -%}
        {%- set headline = columns[meta['status_of']] -%}
        {%- set headline_meta = headline.config.get('meta', {}) or headline.meta -%}
        {{ publication_status(headline_meta.get('from', headline.name), headline_meta.get('suppressed_with', []),
                              meta.get('not_applicable_when'), model_meta.get('complete_period')) }}
    {%- else -%}
        {%- set value = meta.get('from', column.name) -%}
        {%- if meta.get('code') or meta.get('code_list_column') -%}
            {%- set value = published_code(value) -%}
        {%- endif -%}
        {%- if meta.get('suppressed_with') and meta.get('public_when') -%}
            {%- set value = 'case when ' ~ meta['public_when'] ~ ' then ' ~ value ~ ' else ' ~ suppressed(value, meta['suppressed_with']) ~ ' end' -%}
        {%- elif meta.get('suppressed_with') -%}
            {%- set value = suppressed(value, meta['suppressed_with']) -%}
        {%- endif -%}
        ({{ value }})::{{ column.data_type }}
    {%- endif -%}
{%- endmacro %}
