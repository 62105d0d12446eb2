{#- Schemas are named by the folder's +schema exactly (staging, intermediate, marts, reporting_candidate). -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ custom_schema_name if custom_schema_name is not none else target.schema }}
{%- endmacro %}
