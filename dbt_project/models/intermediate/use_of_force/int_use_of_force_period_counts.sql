{#- Subjects, incidents and reports for every period x area x ethnic group, exact (analysts only; macro
    use_of_force_period_counts). -#}
{{ use_of_force_period_counts(ref('int_use_of_force_month_cells')) }}
