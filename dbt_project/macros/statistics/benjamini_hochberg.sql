{#- Benjamini-Hochberg false discovery rate control at false_discovery_rate() (5%) within each family:
    the rows of `relation` sharing the `family` columns, excluding those whose p-value is null (not tested).
    With the m tested p-values of a family sorted, p(1) <= ... <= p(m), the largest k with
    p(k) <= k / m * rate is found and the k smallest stand. A p-value's rank is the number of the family's p-values
    at most it (tied ones share the highest position: the ranks do not depend on the order rows arrive in, and
    ties stand or fall together, as in the procedure). Used as a CTE body; adds `<name>_p_value_rank`,
    `<name>_tests_in_family` and `is_<name>_fdr_significant` (null when not tested). `p_value` and `name` may be
    lists (a measure each, controlled separately within the same families): one pass over the rows for all. -#}
{% macro benjamini_hochberg(relation, p_value, family, name) -%}
    {%- set p_values = [p_value] if p_value is string else p_value -%}
    {%- set names = [name] if name is string else name -%}
    {%- set partition = family | join(', ') -%}
    with ranked_{{ names[0] }} as (
        select
            {{ relation }}.*
            {%- for p_value in p_values %}
            {%- set name = names[loop.index0] %},
            case when {{ p_value }} is not null then count({{ p_value }}) over (
                partition by {{ partition }} order by {{ p_value }}) end as {{ name }}_p_value_rank,
            count({{ p_value }}) over (partition by {{ partition }}) as {{ name }}_tests_in_family
            {%- endfor %}
        from {{ relation }}
    )
    select
        ranked_{{ names[0] }}.*
        {%- for p_value in p_values %}
        {%- set name = names[loop.index0] %},
        case when {{ p_value }} is not null then coalesce({{ name }}_p_value_rank <= max(
            case when {{ p_value }} <= {{ name }}_p_value_rank::numeric / {{ name }}_tests_in_family * {{ false_discovery_rate() }}
                 then {{ name }}_p_value_rank end) over (partition by {{ partition }}), false) end
            as is_{{ name }}_fdr_significant
        {%- endfor %}
    from ranked_{{ names[0] }}
{%- endmacro %}
