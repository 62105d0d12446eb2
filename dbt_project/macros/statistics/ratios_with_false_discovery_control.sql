{#- CTE body: the relation's rows with, for the ratio column `ratio` (its limits `<limits>_lower_95` and
    `<limits>_upper_95`, limits defaulting to the ratio's name), `<name>_p_value` (ratio_p_value; null where
    `tested` is false, e.g. the reference group's own ratio of 1) and Benjamini-Hochberg control within each family of rows sharing the `family`
    columns (benjamini_hochberg): `is_<name>_fdr_significant`. `name` defaults to the ratio's; a shorter one
    keeps the columns' names within what every client reads whole. `ratio` and `name` may be lists (several
    ratios of the same rows, each controlled in its own families): one pass over the rows for all of them. -#}
{% macro ratios_with_false_discovery_control(relation, ratio, family, tested='true', name=none, limits=none) -%}
    {%- set ratios = [ratio] if ratio is string else ratio -%}
    {%- set names = [name or ratio] if ratio is string else (name or ratio) -%}
    {%- set limits = [limits or ratio] if ratio is string else (limits or ratios) -%}
    {#- materialized: the relation's columns are computed once, not again inside every reference the p-value
        makes to them (PostgreSQL would otherwise inline the relation and repeat its interval expressions) #}
    with {{ names[0] }}_input as materialized (
        select * from {{ relation }}
    ),

    {{ names[0] }}_tested as (
        select
            {{ relation }}.*
            {%- for ratio in ratios %},
            case when {{ tested }} then {{ ratio_p_value(ratio, limits[loop.index0] ~ '_lower_95', limits[loop.index0] ~ '_upper_95') }} end
                as {{ names[loop.index0] }}_p_value
            {%- endfor %}
        from {{ names[0] }}_input as {{ relation }}
    )

    {%- set p_values = [] %}
    {%- for name in names %}{% do p_values.append(name ~ '_p_value') %}{% endfor %}

    select * from ({{ benjamini_hochberg(names[0] ~ '_tested', p_values, family, names) }}) as controlled
{%- endmacro %}
