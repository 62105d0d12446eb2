{#- The checks every model's test (meets_its_checks) runs flag exactly the rows they exist for, on hand-made rows:
    each check is broken by the rows named 'breaks <check>' and by no other row (a missing value passes every
    check but not_null, and two missing ids are not a repeated one). Returns the checks whose count of failing rows differs from the expected one. -#}
with estimates (row_name, id, code, size, share, ratio, ratio_lower_95, ratio_upper_95, is_reference_group, period, ethnic_group) as (
    values
        ('passes', 1, 'A', 1, 0.5, 1.5, 1.0, 2.0, false, '2024', 'Black'),
        ('passes', 2, 'B', 2, 0.0, 1.5, 1.0, 2.0, false, '2024', 'White'),
        ('missing values', null, null, null, null, null, 1.0, 2.0, false, '2024', null),
        ('missing a limit', null, 'C', 3, 1.0, 3.0, 1.0, null, false, '2024', 'Mixed'),
        ('breaks unique, grain', 1, 'A', 4, 0.5, 1.5, 1.0, 2.0, false, '2025', 'Black'),
        ('breaks grain', 6, 'D', 5, 0.5, 1.5, 1.0, 2.0, false, '2025', 'Black'),
        ('breaks accepted_values', 7, 'E', 6, 0.5, 1.5, 1.0, 2.0, false, '2025', 'White'),
        ('breaks non_negative, between', 8, 'B', -1, 1.5, 1.5, 1.0, 2.0, false, '2025', 'Other'),
        ('breaks inside_its_interval', 9, 'C', 7, 0.5, 2.5, 1.0, 2.0, false, '2026', 'Black'),
        ('breaks inside_its_interval, reference_ratio_is_one', 10, 'C', 8, 0.5, 1.2, 0.5, 1.15, true, '2026', 'White'),
        ('reference at 1', 11, 'D', 9, 0.5, 1.0, 0.5, 1.5, true, '2027', 'White')
),

flagged as (
    {{ broken_checks('estimates', {
        'code': ['not_null', {'accepted_values': ['A', 'B', 'C', 'D']}],
        'id': ['unique'],
        'size': ['non_negative', {'accepted_values': [-1, 1, 2, 3, 4, 5, 7, 8, 9], 'quote': false}],
        'share': [{'between': [0, 1]}],
        'ratio': ['inside_its_interval', 'reference_ratio_is_one'],
    }, [('grain', ['period', 'ethnic_group'])]) }}
),

expected (check_name, failing_rows) as (
    values
        ('code not_null', 1),
        ('code accepted_values', 1),
        ('size non_negative', 1),
        ('size accepted_values', 1),
        ('share between', 1),
        ('ratio inside_its_interval', 2),
        ('ratio reference_ratio_is_one', 1),
        ('id unique', 1),
        ('grain (period, ethnic_group) unique', 1)
)

select coalesce(expected.check_name, flagged.check_name) as check_name, expected.failing_rows as expected,
       flagged.failing_rows as flagged
from expected
full join flagged on expected.check_name = flagged.check_name
where flagged.failing_rows is distinct from expected.failing_rows
