{{ config(materialized='incremental', incremental_strategy='append',
          pre_hook="{{ delete_periods_rebuilt(ref('int_stop_search_oversight_periods'), ref('int_stop_search_rebuilt_months'),
                                              every_period_when=oversight_mart_groups_changed(
                                                  ref('int_stop_search_oversight_officer_cells'), 'officer_id')) }}") }}
{#- The internal benchmark of stop and search for each (pseudonymised) officer: their searches of each minority
    broad group against those expected from the other officers working the same LPU x month x shift, on a
    funnel plot with overdispersion, flagged after false discovery rate control (macro oversight_benchmark_model;
    docs/methodology.md, Internal benchmark). A screening tool for professional standards, not a finding.
    Built into the restricted schema oversight, read only by the role professional_standards: never published,
    never in marts. Each period is a family of its own: a night rebuilds the periods it changed
    (delete_periods_rebuilt). -#}
{{ oversight_benchmark_model(
    cells_of_periods_not_held(ref('int_stop_search_oversight_officer_cells'), ref('int_stop_search_oversight_periods')),
    rows_of_periods_not_held(ref('int_stop_search_oversight_periods')), unit_name='officer_id') }}
