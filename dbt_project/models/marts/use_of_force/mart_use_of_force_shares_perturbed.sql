{#- mart_use_of_force_shares from the perturbed counts: what reporting.use_of_force_shares publishes, before
    suppression (macro use_of_force_shares; docs/methodology.md, Disclosure control). -#}
{{ use_of_force_shares(ref('int_use_of_force_share_counts_perturbed')) }}
