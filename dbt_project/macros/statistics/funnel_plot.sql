{#- CTE body: a funnel plot of indirectly standardised ratios with overdispersion (Spiegelhalter 2005, "Funnel
    plots for comparing institutional performance", Stat Med 24:1185), and Benjamini-Hochberg false discovery
    rate control of its flags. `relation` has `observed`, `expected` and `null_variance` (the null variance of
    observed, e.g. from peer_benchmark_periods); the units where `screened` holds are compared, within each family of
    rows sharing the `family` columns. Adds:
      ratio              observed / expected
      z_score            (observed - expected) / sqrt(null_variance), screened units only
      overdispersion     phi, the mean of the squared z-scores of the family's screened units after
                         winsorising them at its 10th and 90th percentiles (percentile_cont)
      tau_squared        when phi > 1, the additive random-effects variance (DerSimonian-Laird style):
                         (I phi - (I - 1)) / (sum w - sum w^2 / sum w), w = expected^2 / null_variance, I units (at least 2); else 0
      adjusted_z_score   (ratio - 1) / sqrt(null_variance / expected^2 + tau_squared)
      p_value            two-sided, of the adjusted z-score
      lower_95 .. upper_998  the unit's funnel limits at its precision (funnel_limit, 95% and 99.8%)
      variance_per_expected  the family's sum of null_variance / sum of expected, to draw the funnel as a
                         curve of the expected count
      units_screened, is_benchmark_fdr_significant (benjamini_hochberg, family as given),
      benchmark_flag     'above_peers' / 'below_peers' when the ratio stands after FDR control, 'within_limits'
                         when it does not, 'not_screened' when the unit was not compared. -#}
{% macro funnel_plot(relation, family, screened) -%}
    {%- set family_join -%}
        {%- for column in family %} {{ 'and ' if not loop.first }}funnel_scored.{{ column }} = funnel_families.{{ column }}{% endfor -%}
    {%- endset -%}
    with funnel_scored as (
        select
            {{ relation }}.*,
            ({{ screened }}) as is_screened,
            {{ share('observed', 'expected') }} as ratio,
            case when ({{ screened }}) and null_variance > 0
                 then (observed - expected) / sqrt(null_variance) end as z_score
        from {{ relation }}
    ),

    funnel_percentiles as (
        select
            {{ family | join(', ') }},
            percentile_cont(0.1) within group (order by z_score) as z_score_p10,
            percentile_cont(0.9) within group (order by z_score) as z_score_p90
        from funnel_scored
        where z_score is not null
        group by {{ family | join(', ') }}
    ),

    funnel_families as (
        select
            {%- for column in family %}
            funnel_scored.{{ column }},
            {%- endfor %}
            count(funnel_scored.z_score) as units_screened,
            avg(power(least(greatest(funnel_scored.z_score, funnel_percentiles.z_score_p10),
                            funnel_percentiles.z_score_p90), 2)) as overdispersion,
            sum(power(funnel_scored.expected, 2) / funnel_scored.null_variance) as sum_of_weights,
            sum(power(power(funnel_scored.expected, 2) / funnel_scored.null_variance, 2)) as sum_of_squared_weights,
            sum(funnel_scored.null_variance) / nullif(sum(funnel_scored.expected), 0) as variance_per_expected
        from funnel_scored
        inner join funnel_percentiles
            on true
            {%- for column in family %}
            and funnel_scored.{{ column }} = funnel_percentiles.{{ column }}
            {%- endfor %}
        where funnel_scored.z_score is not null
        group by
            {%- for column in family %}
            funnel_scored.{{ column }}{{ ',' if not loop.last }}
            {%- endfor %}
    ),

    funnel_dispersed as (
        select
            funnel_families.*,
            {#- one screened unit has no spread between units to estimate (and in double precision its
                Σw - Σw²/Σw is a rounding residue, not 0) -#}
            case when funnel_families.overdispersion > 1 and funnel_families.units_screened > 1
                      and funnel_families.sum_of_weights - funnel_families.sum_of_squared_weights / funnel_families.sum_of_weights > 0
                 then greatest(0, (funnel_families.units_screened * funnel_families.overdispersion
                                   - (funnel_families.units_screened - 1))
                                  / (funnel_families.sum_of_weights
                                     - funnel_families.sum_of_squared_weights / funnel_families.sum_of_weights))
                 else 0 end as tau_squared
        from funnel_families
    ),

    funnel_adjusted as (
        select
            funnel_scored.*,
            coalesce(funnel_families.units_screened, 0) as units_screened,
            funnel_families.overdispersion,
            funnel_families.tau_squared,
            funnel_families.variance_per_expected,
            case when funnel_scored.z_score is not null then (funnel_scored.observed - funnel_scored.expected)
                / sqrt(funnel_scored.null_variance + funnel_families.tau_squared * power(funnel_scored.expected, 2))
            end as adjusted_z_score,
            {{ funnel_limit('funnel_scored.expected', 'funnel_scored.null_variance', 'funnel_families.tau_squared', z_95(), 'lower') }} as lower_95,
            {{ funnel_limit('funnel_scored.expected', 'funnel_scored.null_variance', 'funnel_families.tau_squared', z_95(), 'upper') }} as upper_95,
            {{ funnel_limit('funnel_scored.expected', 'funnel_scored.null_variance', 'funnel_families.tau_squared', z_998(), 'lower') }} as lower_998,
            {{ funnel_limit('funnel_scored.expected', 'funnel_scored.null_variance', 'funnel_families.tau_squared', z_998(), 'upper') }} as upper_998
        from funnel_scored
        left join funnel_dispersed as funnel_families on {{ family_join }}
    ),

    funnel_tested as (
        select
            funnel_adjusted.*,
            {{ two_sided_normal_p_value('abs(adjusted_z_score)') }} as p_value
        from funnel_adjusted
    ),

    funnel_controlled as (
        {{ benjamini_hochberg('funnel_tested', 'p_value', family, 'benchmark') }}
    )

    select
        funnel_controlled.*,
        case when not is_screened or is_benchmark_fdr_significant is null then 'not_screened'
             when is_benchmark_fdr_significant and ratio > 1 then 'above_peers'
             when is_benchmark_fdr_significant and ratio < 1 then 'below_peers'
             else 'within_limits' end as benchmark_flag
    from funnel_controlled
{%- endmacro %}
