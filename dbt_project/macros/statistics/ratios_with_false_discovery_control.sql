{#- CTE body: the relation's rows with, for the ratio column `ratio` (its limits `<limits>_lower_95` and
    `<limits>_upper_95`, limits defaulting to the ratio's name), `<name>_p_value` (ratio_p_value; null where
    `tested` is false, e.g. the reference group's own ratio of 1) and Benjamini-Hochberg control within each family of rows sharing the `family`
    columns (benjamini_hochberg): `is_<name>_fdr_significant`. `name` defaults to the ratio's; a shorter one
    keeps the columns' names within what every client reads whole. -#}
{% macro ratios_with_false_discovery_control(relation, ratio, family, tested='true', name=none, limits=none) -%}
    {%- set name = name or ratio -%}
    {%- set limits = limits or ratio -%}
    {#- materialized: the relation's columns are computed once, not again inside every reference the p-value
        makes to them (PostgreSQL would otherwise inline the relation and repeat its interval expressions) #}
    with {{ name }}_input as materialized (
        select * from {{ relation }}
    ),

    {{ name }}_tested as (
        select
            {{ relation }}.*,
            case when {{ tested }} then {{ ratio_p_value(ratio, limits ~ '_lower_95', limits ~ '_upper_95') }} end
                as {{ name }}_p_value
        from {{ name }}_input as {{ relation }}
    )

    select * from ({{ benjamini_hochberg(name ~ '_tested', name ~ '_p_value', family, name) }}) as controlled
{%- endmacro %}
