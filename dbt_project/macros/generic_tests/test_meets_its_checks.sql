{#- Fails with one row per check the model's rows break, and how many rows (or repeated keys) break it. The checks
    are declared once, in the model's YAML (docs/operations.md, Checks in dbt):
      - the model's grain, `config: {meta: {grain: [...]}}`: one row per combination of its columns;
      - further keys, `config: {meta: {checks: [{unique: [...]}]}}`: unique combinations too;
      - each column's `meta: {checks: [...]}`: not_null, unique (nulls aside), non_negative, {between: [low, high]},
        {accepted_values: [...]} (with quote: false for numbers), inside_its_interval (or {inside_its_interval:
        <prefix>}: between <prefix>_lower_95 and <prefix>_upper_95), reference_ratio_is_one (or
        {reference_ratio_is_one: <condition picking the reference rows>}; by default is_reference_group).
    A missing value passes every check but not_null, as in dbt's own tests. One test per model rather than one per
    check: dbt spends about 50 ms of its own on each test whatever the data, and one pass reads the rows once. -#}
{% test meets_its_checks(model) %}
{%- if not execute -%}
select 1 as placeholder where false
{%- else -%}
{%- set node = declared_node(model) -%}
{%- set keys = [] -%}
{%- if node.config.meta.grain -%}{%- do keys.append(('grain', node.config.meta.grain)) -%}{%- endif -%}
{%- for check in node.config.meta.checks or [] -%}
    {%- if check is mapping and check.unique -%}{%- do keys.append(('key', check.unique)) -%}
    {%- else -%}{{ exceptions.raise_compiler_error(model.identifier ~ ": a model's checks are {unique: [columns]}, not " ~ check) }}
    {%- endif -%}
{%- endfor -%}
{%- set columns = {} -%}
{%- for column in node.columns.values() if column.meta.checks -%}
    {%- do columns.update({column.name: column.meta.checks}) -%}
{%- endfor -%}
{%- if not keys and not columns -%}
    {{ exceptions.raise_compiler_error(model.identifier ~ " declares no checks: give it a grain, or its columns meta checks") }}
{%- endif -%}
{{ broken_checks(model, columns, keys) }}
{%- endif -%}
{% endtest %}

{#- The checks a relation's rows break, one row each: check_name ('<column> <check>' or '<grain|key> (<columns>)
    unique') and failing_rows (rows breaking it, or combinations repeated). `columns` maps a column to its checks as
    meets_its_checks reads them; `keys` lists (name, columns) pairs whose combinations must be unique. The row
    checks are counted in one pass; each unique column or key is one grouping. -#}
{% macro broken_checks(relation, columns, keys=[]) %}
{%- set row_checks = [] -%}
{%- set groupings = [] -%}
{%- for column, checks in columns.items() -%}
    {%- for check in checks -%}
        {%- if check == 'unique' -%}
            {%- do groupings.append((column ~ ' unique', [column], column ~ ' is not null')) -%}
        {%- else -%}
            {%- do row_checks.append((column ~ ' ' ~ (check if check is string else check | list | first),
                                      check_violated(relation, column, check))) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endfor -%}
{%- for name, key in keys -%}
    {%- do groupings.append((name ~ ' (' ~ key | join(', ') ~ ') unique', key, none)) -%}
{%- endfor -%}
{%- set parts = [] -%}
{%- if row_checks -%}
{%- set part -%}
select broken.check_name, broken.failing_rows
from (
    select
        {%- for name, violated in row_checks %}
        count(*) filter (where {{ violated }}) as check_{{ loop.index }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ relation }}
) as counted
cross join lateral (values
    {%- for name, violated in row_checks %}
    ('{{ name }}', check_{{ loop.index }}){{ ',' if not loop.last }}
    {%- endfor %}
) as broken (check_name, failing_rows)
where broken.failing_rows > 0
{%- endset -%}
{%- do parts.append(part) -%}
{%- endif -%}
{%- for name, key, condition in groupings -%}
{%- set part -%}
select '{{ name }}' as check_name, count(*) as failing_rows
from (
    select 1 from {{ relation }}{{ ' where ' ~ condition if condition }} group by {{ key | join(', ') }} having count(*) > 1
) as repeated
having count(*) > 0
{%- endset -%}
{%- do parts.append(part) -%}
{%- endfor -%}
{{ parts | join('\nunion all\n') }}
{% endmacro %}

{#- The condition under which a row breaks a column's check; null (so the row passes) when the value is missing,
    but for not_null. -#}
{% macro check_violated(relation, column, check) %}
{%- set name = check if check is string else check | list | first -%}
{%- set argument = none if check is string else check[name] -%}
{%- if name == 'not_null' -%}{{ column }} is null
{%- elif name == 'non_negative' -%}{{ column }} < 0
{%- elif name == 'between' -%}{{ column }} not between {{ argument[0] }} and {{ argument[1] }}
{%- elif name == 'accepted_values' -%}
    {{ column }} not in (
    {%- for value in argument -%}
        {{ value if check.get('quote', true) is false else "'" ~ (value | string | replace("'", "''")) ~ "'" }}{{ ', ' if not loop.last }}
    {%- endfor -%})
{%- elif name == 'inside_its_interval' -%}
    {%- set limits = argument or column -%}
    not ({{ column }} between {{ limits }}_lower_95 and {{ limits }}_upper_95)
{%- elif name == 'reference_ratio_is_one' -%}
    ({{ argument or 'is_reference_group' }}) and abs({{ column }} - 1) > 1e-9
{%- else -%}
    {{ exceptions.raise_compiler_error(relation.identifier ~ "." ~ column ~ ": no such check " ~ check) }}
{%- endif -%}
{% endmacro %}
