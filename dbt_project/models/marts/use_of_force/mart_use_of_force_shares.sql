{#- Of the units of each broad ethnic group, the share a measure holds for and its ratio to White's, by financial
    year: the tactic mix and the CED's highest use (unit: subjects), injury to the subject (subjects) and to the
    officer (reports), body-worn video on (reports), and force used in stop-searches and in custody (searches and
    detentions linked from a use-of-force report); exact: analysts only (macro use_of_force_shares). -#}
{{ use_of_force_shares(ref('int_use_of_force_share_counts')) }}
