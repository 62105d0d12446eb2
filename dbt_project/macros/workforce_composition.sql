{#- Each workforce type's share of the paid workforce (officers, staff, PCSOs; specials are volunteers and are
    left out) for each source, date and measure, from a relation with columns source, as_at,
    workforce_type_code, measure, value. The Home Office's published figures and the warehouse's own go through
    this one select, so they are computed by the same code. -#}
{% macro workforce_composition(relation) -%}
    select
        composed.*,
        case when composed.workforce_type_code <> 'SPECIAL' then
            composed.value / nullif(sum(composed.value) filter (where composed.workforce_type_code <> 'SPECIAL')
                                    over (partition by composed.source, composed.as_at, composed.measure), 0)
        end as share_of_paid_workforce
    from {{ relation }} as composed
{%- endmacro %}
