{#- The finest cells every published use-of-force share adds up: month x LPU x stratum x broad ethnic group (as the
    officer perceived or observed it) x measure, with the units counted (whole) and those the measure holds for
    (part), each with the sum of its records' keys (macro record_key), from which the cell's perturbation follows
    (int_use_of_force_share_cells_perturbed). Each measure says its unit, and its cells are those of the table that
    publishes the unit, so a published count of units is the same perturbed number in both tables:
      subjects (incident x subject): each tactic, any CED use, the CED's highest use at each level (one level per
        subject: its highest), subject injured; cells of int_use_of_force_month_cells;
      reports (one officer's use of force on one person), counted with their subject as in
        int_use_of_force_month_cells: body-worn video on, officer injured;
      stop_searches (the force's searches): force used, when a use-of-force report links to the search; stratum
        the legislation group, as in int_stop_search_month_cells;
      detentions (custody): force used, when a use-of-force report links to the detention; stratum the age
        group, as in int_custody_month_cells. -#}
with subjects as (
    select * from {{ ref('int_use_of_force_subjects') }}
),

searches as (
    select * from {{ ref('int_stop_searches_conformed') }}
    where source_system = 'force'
),

legislation as (
    select * from {{ ref('legislation') }}
),

detentions as (
    select * from {{ ref('int_custody_detentions_conformed') }}
),

ced_uses as (
    select code as ced_use_code from {{ ref('use_of_force_codes') }}
    where code_list = 'ced_use' and code <> 'NONE'
),

linked_searches as (
    select distinct stop_search_record_id from subjects where stop_search_record_id is not null
),

linked_detentions as (
    select distinct custody_detention_id from subjects where custody_detention_id is not null
),

-- one row per record and measure: how many units it is (a subject's reports are its units of reports), how many
-- of them the measure holds for, and its record key
units as (
    select subjects.month_start, subjects.lpu_code, null::text as stratum,
           subjects.perceived_broad_ethnic_group as ethnic_group, measured.measure, measured.counted_unit,
           measured.units, measured.units_with_measure, subjects.subject_record_key as record_key
    from subjects
    cross join lateral (
        {%- for tactic in use_of_force_tactics() %}
        select 'tactic_{{ tactic }}' as measure, 'subjects' as counted_unit, 1 as units,
               subjects.has_tactic_{{ tactic }}::int as units_with_measure union all
        {%- endfor %}
        select 'ced_any', 'subjects', 1, subjects.has_ced_use::int union all
        select 'subject_injured', 'subjects', 1, subjects.is_subject_injured::int union all
        select 'body_worn_video_on', 'reports', subjects.reports, subjects.reports_with_body_worn_video union all
        select 'officer_injured', 'reports', subjects.reports, subjects.reports_with_officer_injured
    ) as measured
    union all
    select subjects.month_start, subjects.lpu_code, null, subjects.perceived_broad_ethnic_group,
           'ced_highest_' || lower(ced_uses.ced_use_code), 'subjects', 1,
           (subjects.ced_highest_use_code = ced_uses.ced_use_code)::int, subjects.subject_record_key
    from subjects
    cross join ced_uses
    union all
    select date_trunc('month', searches.searched_date)::date, searches.lpu_code,
           {{ stop_search_legislation_group('legislation') }}, searches.officer_defined_broad_ethnic_group,
           'force_in_stop_search', 'stop_searches', 1, (linked_searches.stop_search_record_id is not null)::int,
           {{ record_key('searches.stop_search_id') }}
    from searches
    left join legislation on searches.legislation_code = legislation.legislation_code
    left join linked_searches on searches.stop_search_id = linked_searches.stop_search_record_id
    union all
    select date_trunc('month', detentions.arrived_date)::date, detentions.lpu_code, detentions.age_group,
           detentions.officer_defined_broad_ethnic_group, 'force_in_custody', 'detentions', 1,
           (linked_detentions.custody_detention_id is not null)::int, {{ record_key('detentions.detention_id') }}
    from detentions
    left join linked_detentions on detentions.detention_id = linked_detentions.custody_detention_id
)

select
    {%- for column in use_of_force_share_cell_grain() %}
    {{ column }},
    {%- endfor %}
    sum(units)::bigint as units_counted,
    sum(units * record_key)::bigint as units_counted_record_key_sum,
    sum(units_with_measure)::bigint as units_with_measure,
    sum(units_with_measure * record_key)::bigint as units_with_measure_record_key_sum
from units
group by {{ use_of_force_share_cell_grain() | join(', ') }}
