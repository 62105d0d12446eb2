{#- The counts of a process stage (int_process_stage_cells), each with the candidates it counts; each after the
    first counts a subset of those entering the stage. -#}
{% macro funnel_counts() -%}
    {{ return({
        'entered': 'true',
        'passed': "outcome_code = 'PASSED'",
        'failed': "outcome_code = 'FAILED'",
        'withdrawn': "outcome_code = 'WITHDRAWN'",
    }) }}
{%- endmacro %}

{#- The columns one process stage cell is per (int_process_stage_cells). -#}
{% macro funnel_cell_grain() -%}
    {{ return(['process_type', 'financial_year_start', 'target_rank_grade_code', 'process_id', 'stage_code',
               'stage_order', 'characteristic', 'group_code']) }}
{%- endmacro %}
