{{ config(alias='stop_search_benchmark') }}
{{ published_mart(ref('mart_stop_search_benchmark_perturbed')) }}
