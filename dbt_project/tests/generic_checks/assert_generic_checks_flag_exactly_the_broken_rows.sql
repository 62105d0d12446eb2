{#- The generic tests every mart uses flag exactly the rows they exist for, on hand-made rows: an estimate
    outside its interval (a missing estimate or limit passes), a reference group whose ratio is not 1, and a
    grain that repeats. Returns the checks whose flagged rows differ from the broken ones. -#}
with estimates (row_name, ratio, ratio_lower_95, ratio_upper_95, is_reference_group) as (
    values
        ('inside', 1.5, 1.0, 2.0, false),
        ('outside', 2.5, 1.0, 2.0, false),
        ('no estimate', null, 1.0, 2.0, false),
        ('no upper limit', 3.0, 1.0, null, false),
        ('reference at 1', 1.0, 0.5, 1.5, true),
        ('reference not 1', 1.2, 0.5, 1.5, true)
),

grains (period, ethnic_group) as (
    values ('2024', 'Black'), ('2024', 'White'), ('2025', 'Black'), ('2025', 'Black')
),

outside_interval as ({{ test_inside_its_interval('estimates', 'ratio') }}),

reference_not_one as ({{ test_reference_ratio_is_one('estimates', 'ratio') }}),

repeated_grain as ({{ test_one_row_per_grain('grains', grain=['period', 'ethnic_group']) }}),

flagged as (
    select 'inside_its_interval' as generic_test, string_agg(row_name, ', ' order by row_name) as rows_flagged
    from outside_interval
    union all
    select 'reference_ratio_is_one', string_agg(row_name, ', ' order by row_name) from reference_not_one
    union all
    select 'one_row_per_grain', string_agg(period || ' ' || ethnic_group || ' x' || occurrences, ', ') from repeated_grain
),

expected (generic_test, rows_flagged) as (
    values
        ('inside_its_interval', 'outside'),
        ('reference_ratio_is_one', 'reference not 1'),
        ('one_row_per_grain', '2025 Black x2')
)

select expected.generic_test, expected.rows_flagged as expected, flagged.rows_flagged as flagged
from expected
left join flagged on expected.generic_test = flagged.generic_test
where flagged.rows_flagged is distinct from expected.rows_flagged
