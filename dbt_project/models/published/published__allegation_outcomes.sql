{{ config(alias='allegation_outcomes') }}
{{ published_mart(ref('mart_allegation_outcomes_perturbed')) }}
