{#- How detentions end, by ethnic group, against White, crude and adjusted for offence and age, by financial year;
    exact: analysts only (macro custody_outcomes). -#}
{{ custody_outcomes(ref('int_custody_decision_strata')) }}
