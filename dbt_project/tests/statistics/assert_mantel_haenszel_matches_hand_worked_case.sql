-- Mantel-Haenszel risk ratio on a hand-worked 2-stratum table (group a of n1 against reference c of n0):
--   stratum 1: a = 10 of n1 = 50, c = 20 of n0 = 200, N = 250: a n0 / N = 8,  c n1 / N = 4,
--              (n1 n0 (a + c) - a c N) / N^2 = (300000 - 50000) / 62500 = 4
--   stratum 2: a = 30 of n1 = 60, c = 15 of n0 = 60,  N = 120: a n0 / N = 15, c n1 / N = 7.5,
--              (162000 - 54000) / 14400 = 7.5
--   RR_MH = 23 / 11.5 = 2 (each stratum's own ratio is 2); Greenland-Robins var(ln RR) = 11.5 / (23 x 11.5) = 1/23;
--   95% limits exp(ln 2 -/+ 1.959964 sqrt(1/23)) = (1.3290527079, 3.0096624282).
--   Crude: (40/110) / (35/260) = 2.7013; share of the gap explained = (2.7013 - 2) / (2.7013 - 1) = 0.41221.
-- A third stratum where the reference group has no detentions must change nothing.
with strata as (
    select * from (values (10, 50, 20, 200), (30, 60, 15, 60), (5, 9, 0, 0))
        as listed (events, trials, reference_events, reference_trials)
),

adjusted as (
    select
        {{ mantel_haenszel_risk_ratio('events', 'trials', 'reference_events', 'reference_trials') }} as ratio,
        {{ mantel_haenszel_log_variance('events', 'trials', 'reference_events', 'reference_trials') }} as log_variance,
        {{ mantel_haenszel_risk_ratio_limit('events', 'trials', 'reference_events', 'reference_trials', 'lower') }} as lower_95,
        {{ mantel_haenszel_risk_ratio_limit('events', 'trials', 'reference_events', 'reference_trials', 'upper') }} as upper_95,
        {{ share_of_gap_explained('(40.0 / 110) / (35.0 / 260)', mantel_haenszel_risk_ratio('events', 'trials', 'reference_events', 'reference_trials')) }} as gap_explained
    from strata
),

no_shared_stratum as (
    select {{ mantel_haenszel_risk_ratio('events', 'trials', 'reference_events', 'reference_trials') }} as ratio
    from (values (5, 9, 0, 0), (0, 0, 4, 8)) as listed (events, trials, reference_events, reference_trials)
)

select adjusted.*
from adjusted
cross join no_shared_stratum
where abs(adjusted.ratio - 2) > 1e-10
   or abs(adjusted.log_variance - 1.0 / 23) > 1e-10
   or abs(adjusted.lower_95 - 1.3290527079) > 1e-8
   or abs(adjusted.upper_95 - 3.0096624282) > 1e-8
   or abs(adjusted.gap_explained - 0.412213740) > 1e-6
   or no_shared_stratum.ratio is not null
