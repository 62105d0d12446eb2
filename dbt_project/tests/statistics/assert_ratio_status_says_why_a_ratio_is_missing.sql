{#- Hand cases for ratio_status and estimable_ratio: events, denominator, reference events, reference denominator,
    the status expected, and whether the ratio (2 here) is kept. -#}
with cases (events, denominator, reference_events, reference_denominator, expected_status, keeps_ratio) as (
    values
        (20, 100, 30, 300, 'estimated', true),
        (5, 100, 30, 300, 'few events: read the interval', true),
        (20, 100, 5, 300, 'few events: read the interval', true),
        (0, 100, 30, 300, 'not estimable: no events in the group', false),
        (20, 100, 0, 300, 'not estimable: no events in the reference group', false),
        (20, 0, 30, 300, 'not estimable: no denominator for the group', false),
        (20, null, 30, 300, 'not estimable: no denominator for the group', false),
        (20, 100, 30, 0, 'not estimable: no denominator for the reference group', false)
)

select *
from cases
where {{ ratio_status('events', 'denominator', 'reference_events', 'reference_denominator') }} <> expected_status
   or ({{ estimable_ratio('2', 'events', 'denominator', 'reference_events', 'reference_denominator') }} is not null)
      <> keeps_ratio
