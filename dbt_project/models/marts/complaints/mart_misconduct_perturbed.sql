{#- mart_misconduct from the perturbed counts of officers: what reporting.misconduct publishes, before suppression
    (macro misconduct_mart; docs/methodology.md, Disclosure control). -#}
{{ misconduct_mart(perturbed=true) }}
