{{ config(alias='oversight_stop_search_benchmark') }}
{{ published_mart(ref('mart_oversight_stop_search_benchmark_perturbed')) }}
