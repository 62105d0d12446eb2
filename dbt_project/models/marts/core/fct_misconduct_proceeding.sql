{#- Misconduct proceedings with the officer's record as at opening: one row per proceeding. -#}
select * from {{ ref('int_proceedings_described') }}
