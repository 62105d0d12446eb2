{{ config(alias='discrimination_allegations') }}
{#- What BI reads: discriminatory behaviour allegations over time, small numbers suppressed. -#}
with allegations as (
    select * from {{ ref('mart_discrimination_allegations') }}
)

select
    financial_year_start, discrimination_characteristic_code, complainant_group,
    {%- for count in ['allegations', 'with_finding', 'upheld'] %}
    {{ suppressed(count, [count]) }} as {{ count }},
    {%- endfor %}
    {%- for share in ['upheld_share', 'upheld_share_lower_95', 'upheld_share_upper_95'] %}
    {{ suppressed(share, ['upheld', 'with_finding']) }} as {{ share }}{% if not loop.last %},{% endif %}
    {%- endfor %}
from allegations
