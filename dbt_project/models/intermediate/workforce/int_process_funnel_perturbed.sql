{#- int_process_funnel from the perturbed stage cells: what the published funnels hold, before suppression (macro
    process_funnel; docs/methodology.md, Disclosure control). -#}
{{ process_funnel(ref('int_process_stage_cells_perturbed')) }}
