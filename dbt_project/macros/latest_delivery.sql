{#- The rows of a raw table as last delivered: for each key, the row of the latest extract (by extract date,
    then load) that holds it. For sources re-delivered as they progress (complaint cases, allegations,
    proceedings): `{{ latest_delivery(source('raw', 'complaint_cases'), 'case_id') }}`. -#}
{% macro latest_delivery(relation, key) -%}
    select delivered.*
    from (
        select
            rows_delivered.*,
            row_number() over (partition by rows_delivered.{{ key }}
                               order by loads.extract_key desc, rows_delivered.load_id desc) as delivery_rank
        from {{ relation }} as rows_delivered
        inner join {{ source('audit', 'loads') }} as loads on rows_delivered.load_id = loads.load_id
    ) as delivered
    where delivered.delivery_rank = 1
{%- endmacro %}
