{#- lambda(k) = chi2(0.05; 2k) / 2 for k = 1, 2, 3: the one-sided 95% Poisson lower limit of k events, which
    the modified Wilson interval (wilson_limit) uses for 1-3 successes or failures. -#}
{% macro wilson_edge_poisson_limit(count) -%}
    (case {{ count }} when 1 then 0.05129329438755053 when 2 then 0.35536151069866195 when 3 then 0.8176914471639534 end)
{%- endmacro %}
