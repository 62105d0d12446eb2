{#- Why a published value is shown or withheld: the one vocabulary of every status column in reporting.
    A withheld value is null and its status says why; a shown value is 'published', or 'incomplete_period'
    when its period lacks months of data. In this order:
      'not_applicable'     the measure has no meaning in this row (not_applicable_when);
      'suppressed'         a count it is computed from is below var('suppression_threshold');
      'not_estimable'      its counts are shown but it cannot be computed (no events or no denominator on a side);
      'incomplete_period'  shown, but the period is not complete (complete: the mart's completeness column);
      'published'          shown, for a complete period. -#}
{% macro publication_status(value, counts, not_applicable_when=none, complete=none) -%}
    (case
        {%- if not_applicable_when %}
        when {{ not_applicable_when }} then 'not_applicable'
        {%- endif %}
        {%- if counts %}
        when {{ is_suppressed(counts) }} then 'suppressed'
        {%- endif %}
        when ({{ value }}) is null then 'not_estimable'
        {%- if complete %}
        when not {{ complete }} then 'incomplete_period'
        {%- endif %}
        else 'published'
    end)
{%- endmacro %}
