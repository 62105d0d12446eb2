{#- The false discovery rate Benjamini-Hochberg control holds each family of ratios to. -#}
{% macro false_discovery_rate() -%} 0.05 {%- endmacro %}
