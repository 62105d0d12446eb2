{#- The standard normal quantile for a two-sided 99.8% interval (a funnel plot's outer limits). -#}
{% macro z_998() -%} 3.090232306167813 {%- endmacro %}
