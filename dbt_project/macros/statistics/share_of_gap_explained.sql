{#- The share of a crude ratio's distance from 1 that an adjustment explains: (crude - adjusted) / (crude - 1);
    null when the crude ratio is 1 (no gap) or either ratio is missing. 1 = the whole gap is case mix;
    0 = none of it; negative = adjustment widened the gap. -#}
{% macro share_of_gap_explained(crude, adjusted) -%}
    (case when ({{ crude }}) is not null and ({{ adjusted }}) is not null and ({{ crude }}) <> 1
          then (({{ crude }}) - ({{ adjusted }})) / (({{ crude }}) - 1) end)
{%- endmacro %}
