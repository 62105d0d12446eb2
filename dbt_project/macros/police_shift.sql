{#- The shift an event falls in, by its Europe/London local hour: 'early' 07:00-14:59, 'late' 15:00-22:59,
    'night' 23:00-06:59 (a night runs over midnight; its hours after midnight fall in the next local date, and
    the stratum's month is the event's own local month). Null for a null timestamp. -#}
{% macro police_shift(at) -%}
    {%- set hour = "extract(hour from (" ~ at ~ ") at time zone 'Europe/London')" -%}
    (case when ({{ at }}) is null then null
          when {{ hour }} >= 7 and {{ hour }} < 15 then 'early'
          when {{ hour }} >= 15 and {{ hour }} < 23 then 'late'
          else 'night' end)
{%- endmacro %}
