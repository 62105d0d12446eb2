{#- The month cells of the internal benchmark of stop and search below force level, for teams and locations (LPU x
    neighbourhood): each unit's searches, and those of each minority group, expected from its peers working the
    same LPU x month x shift, with the key sums of the searches counted (macro oversight_benchmark_cells;
    docs/methodology.md, Internal benchmark). -#}
{{ oversight_benchmark_cells(ref('int_stop_search_oversight_events'), {'team': 'team_code', 'location': 'location_code'},
                              record_key=record_key('stop_search_id')) }}
