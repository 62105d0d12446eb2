{#- Which officers face complaints and proceedings, by financial year and the officer's broad ethnic group; exact:
    analysts only (macro misconduct_mart). -#}
{{ misconduct_mart(perturbed=false) }}
