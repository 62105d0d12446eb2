{#- Benjamini-Hochberg false discovery rate control at false_discovery_rate() (5%) within each family:
    the rows of `relation` sharing the `family` columns, excluding those whose p-value is null (not tested).
    With the m tested p-values of a family sorted, p(1) <= ... <= p(m), the largest k with
    p(k) <= k / m * rate is found and the k smallest stand. Used as a CTE body; adds `<name>_p_value_rank`,
    `<name>_tests_in_family` and `is_<name>_fdr_significant` (null when not tested). -#}
{% macro benjamini_hochberg(relation, p_value, family, name) -%}
    with ranked_{{ name }} as (
        select
            {{ relation }}.*,
            case when {{ p_value }} is not null then row_number() over (
                partition by {{ family | join(', ') }}, {{ p_value }} is null order by {{ p_value }}) end as {{ name }}_p_value_rank,
            count({{ p_value }}) over (partition by {{ family | join(', ') }}) as {{ name }}_tests_in_family
        from {{ relation }}
    )
    select
        ranked_{{ name }}.*,
        case when {{ p_value }} is not null then coalesce({{ name }}_p_value_rank <= max(
            case when {{ p_value }} <= {{ name }}_p_value_rank::numeric / {{ name }}_tests_in_family * {{ false_discovery_rate() }}
                 then {{ name }}_p_value_rank end) over (partition by {{ family | join(', ') }}), false) end
            as is_{{ name }}_fdr_significant
    from ranked_{{ name }}
{%- endmacro %}
