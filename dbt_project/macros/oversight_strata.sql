{#- The stratum a unit below force level is compared within (docs/methodology.md, Internal benchmark): its peers
    are the other units working the same local policing unit, local month and shift (police_shift). Every
    oversight mart passes it to internal_benchmark, so the comparison is the same for every event source; the
    use-of-force officers' peers are, within it, their teammates (oversight_benchmark_cells' peers_within). -#}
{% macro oversight_strata() -%}
    {{ return(['lpu_code', 'month_start', 'shift']) }}
{%- endmacro %}
