{#- The four-fifths rule decided on integer cross-products, never on a rounded quotient: true when
    successes / trials < 4/5 of best_successes / best_trials, i.e. 5 * successes * best_trials
    < 4 * best_successes * trials (24 of 45 against 2 of 3 is exactly 4/5: not adverse, where division
    gives 0.7999...). Null when either group has no trials or the best group has no successes. -#}
{% macro is_adverse_impact(successes, trials, best_successes, best_trials) -%}
    (case when ({{ trials }}) > 0 and ({{ best_trials }}) > 0 and ({{ best_successes }}) > 0
          then 5 * ({{ successes }})::numeric * ({{ best_trials }}) < 4 * ({{ best_successes }})::numeric * ({{ trials }}) end)
{%- endmacro %}
