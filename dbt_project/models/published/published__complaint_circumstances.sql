{{ config(alias='complaint_circumstances') }}
{{ published_mart(ref('mart_complaint_circumstances_perturbed')) }}
