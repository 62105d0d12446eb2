{#- Misconduct proceedings with the officer's record as at opening: one row per proceeding.
    A view over the intermediate model, which holds the one copy. -#}
{{ config(materialized='view') }}
select * from {{ ref('int_proceedings_described') }}
