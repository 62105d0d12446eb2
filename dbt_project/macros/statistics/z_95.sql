{#- The standard normal quantile for a two-sided 95% interval. -#}
{% macro z_95() -%} 1.959963984540054 {%- endmacro %}
