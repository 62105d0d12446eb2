{#- The select that suppresses a process funnel (int_process_funnel's columns) for publication: each count
    below the threshold, each rate whose counts are, and each relative likelihood whose either side is. -#}
{% macro published_funnel(relation) -%}
    {%- set own = ['passed', 'assessed'] -%}
    {%- set both = ['passed', 'assessed', 'reference_passed', 'reference_assessed'] -%}
    select
        process_type, financial_year_start, target_rank_grade_code, process_id, stage_code, stage_order,
        characteristic, group_code, is_disclosed, is_reference_group,
        {%- for count in ['applied', 'entered', 'passed', 'failed', 'withdrawn', 'assessed', 'reference_passed', 'reference_assessed'] %}
        {{ suppressed(count, [count]) }} as {{ count }},
        {%- endfor %}
        {%- for rate in ['pass_rate', 'pass_rate_lower_95', 'pass_rate_upper_95'] %}
        {{ suppressed(rate, own) }} as {{ rate }},
        {%- endfor %}
        {{ suppressed('reference_pass_rate', ['reference_passed', 'reference_assessed']) }} as reference_pass_rate,
        {%- for ratio in ['relative_likelihood', 'relative_likelihood_lower_95', 'relative_likelihood_upper_95'] %}
        {{ suppressed(ratio, both) }} as {{ ratio }},
        {%- endfor %}
        {{ suppressed('progression_rate', ['passed', 'entered']) }} as progression_rate,
        {{ suppressed('adverse_impact_ratio', ['passed', 'entered']) }} as adverse_impact_ratio,
        {{ suppressed('is_adverse_impact', ['passed', 'entered']) }} as is_adverse_impact,
        {{ suppressed('cumulative_conversion', ['passed', 'applied']) }} as cumulative_conversion,
        {{ is_suppressed(both) }} as is_ratio_suppressed
    from {{ relation }}
{%- endmacro %}
