{#- Beside each row, the reference group's `counts` in the same slice: for each count, reference_<count>, the sum
    over the window `window` (declared by the caller, e.g. `window reference_slice as (partition by ...)`) of the
    reference group's rows, 0 when the slice has none. -#}
{% macro reference_counts(counts, window='reference_slice') -%}
    {%- for count in counts %}
        coalesce(sum({{ count }}) filter (where ethnic_group = '{{ var("reference_ethnic_group") }}') over {{ window }}, 0)::bigint
            as reference_{{ count }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
