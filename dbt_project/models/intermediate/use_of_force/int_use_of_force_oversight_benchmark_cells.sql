{#- The month cells of the internal benchmark of use of force below force level, for teams and locations (LPU x
    place type): each unit's reports, and those on people of each minority group, expected from its peers working
    the same LPU x month x shift, with the key sums of the reports counted (macro oversight_benchmark_cells;
    docs/methodology.md, Internal benchmark). -#}
{{ oversight_benchmark_cells(ref('int_use_of_force_oversight_events'), oversight_unit_levels(),
                              record_key=record_key('report_id')) }}
