{#- Detentions for every period x area x age group x ethnic group, exact (analysts only; macro
    custody_period_counts). -#}
{{ custody_period_counts(ref('int_custody_month_cells')) }}
