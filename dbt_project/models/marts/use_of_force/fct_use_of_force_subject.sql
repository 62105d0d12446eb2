{#- Subjects of use of force: one row per incident x subject, the unit rates and tactic shares count. A view over
    the intermediate model, which holds the one copy. -#}
{{ config(materialized='view') }}
select * from {{ ref('int_use_of_force_subjects') }}
