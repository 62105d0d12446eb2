{#- CTE body: an oversight mart's rows from internal_benchmark's result (`relation`), named as every oversight
    mart names them, with the period's coverage from `periods` (one row per period and month_start, with
    months_partial and is_complete_period). `unit_level` is kept when the relation has it. -#}
{% macro oversight_benchmark_rows(relation, periods, unit_name='unit_id', partition=['ethnicity_basis']) -%}
    select
        -- period
        {{ relation }}.period_type,
        {{ relation }}.period_start,
        {{ relation }}.period_end,
        coverage.months_partial,
        coverage.is_complete_period,
        -- unit and group
        {%- if unit_name == 'unit_id' %}
        {{ relation }}.unit_level,
        {%- endif %}
        {{ relation }}.unit_id as {{ unit_name }},
        {%- for column in partition %}
        {{ relation }}.{{ column }},
        {%- endfor %}
        {{ relation }}.event_group as ethnic_group,
        '{{ var("reference_ethnic_group") }} and every other group' as compared_with,
        -- counts
        {{ relation }}.events,
        {{ relation }}.events_without_peers,
        {{ relation }}.observed,
        {{ relation }}.expected,
        {{ relation }}.null_variance,
        -- funnel
        {{ relation }}.ratio,
        {{ relation }}.is_screened,
        {{ relation }}.z_score,
        {{ relation }}.overdispersion,
        {{ relation }}.tau_squared,
        {{ relation }}.adjusted_z_score,
        {{ relation }}.p_value,
        {{ relation }}.lower_95,
        {{ relation }}.upper_95,
        {{ relation }}.lower_998,
        {{ relation }}.upper_998,
        {{ relation }}.variance_per_expected,
        {{ relation }}.units_screened,
        {{ relation }}.is_benchmark_fdr_significant,
        {{ relation }}.benchmark_flag
    from {{ relation }}
    inner join (select distinct period_type, period_start, months_partial, is_complete_period from {{ periods }}) as coverage
        on {{ relation }}.period_type = coverage.period_type and {{ relation }}.period_start = coverage.period_start
{%- endmacro %}
