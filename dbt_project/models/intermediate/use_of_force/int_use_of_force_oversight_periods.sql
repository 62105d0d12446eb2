{#- The periods units below force level are screened over (financial years, rolling 12 months), one row per period
    and contained month, with the period's coverage (macro oversight_periods). -#}
{{ oversight_periods(ref('int_use_of_force_reporting_periods'), ref('int_use_of_force_months')) }}
