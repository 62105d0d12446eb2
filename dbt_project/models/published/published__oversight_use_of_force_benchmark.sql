{{ config(alias='oversight_use_of_force_benchmark') }}
{{ published_mart(ref('mart_oversight_use_of_force_benchmark_perturbed')) }}
