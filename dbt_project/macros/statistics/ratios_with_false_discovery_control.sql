{#- CTE body: the relation's rows with, for the ratio column `ratio` (its limits `<ratio>_lower_95` and
    `<ratio>_upper_95`), `<ratio>_p_value` (ratio_p_value; null where `tested` is false, e.g. the reference
    group's own ratio of 1) and Benjamini-Hochberg control within each family of rows sharing the `family`
    columns (benjamini_hochberg): `is_<ratio>_significant_after_fdr`. -#}
{% macro ratios_with_false_discovery_control(relation, ratio, family, tested='true') -%}
    with {{ ratio }}_tested as (
        select
            {{ relation }}.*,
            case when {{ tested }} then {{ ratio_p_value(ratio, ratio ~ '_lower_95', ratio ~ '_upper_95') }} end
                as {{ ratio }}_p_value
        from {{ relation }}
    )

    select * from ({{ benjamini_hochberg(ratio ~ '_tested', ratio ~ '_p_value', family, ratio) }}) as controlled
{%- endmacro %}
