{#- The funnel of every recruitment and promotion process by characteristic group; exact (macro process_funnel). -#}
{{ process_funnel(ref('int_process_stage_cells')) }}
