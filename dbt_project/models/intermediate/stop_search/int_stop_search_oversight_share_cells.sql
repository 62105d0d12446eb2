{{ config(materialized='incremental', incremental_strategy='append',
          pre_hook="{{ delete_months_rebuilt(ref('int_stop_search_rebuilt_months'), 'month_start') }}") }}
{#- The month cells of the outcome test of stop and search below force level, for teams and locations (LPU x
    neighbourhood): each unit's searches of each broad group, and those that found what was searched for, ended in
    arrest, removed more than outer clothing or were strip searches, with the key sums of the searches counted
    (macro unit_share_cells; docs/methodology.md, Internal benchmark). -#}
{% call(unit) oversight_cells_by_unit_level(rows_of_months_rebuilt(ref('int_stop_search_oversight_events'),
    ref('int_stop_search_rebuilt_months'), 'month_start'),
                                           oversight_unit_levels()) %}
    {{ unit_share_cells('events', unit, 'broad_ethnic_group', stop_search_oversight_measures(), 'month_start',
                        record_key('stop_search_id'), partition=['ethnicity_basis']) }}
{% endcall %}
