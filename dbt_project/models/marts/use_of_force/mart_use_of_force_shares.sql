{#- Of the units of each broad ethnic group, the share a measure holds for, with a Wilson interval and the ratio
    to the reference group's share (MOVER-Wilson), by financial year: the tactic mix and the CED's highest use
    (unit: subjects), injury to the subject (subjects) and to the officer (reports), body-worn video on
    (reports), and force used in stop-searches and in custody (searches and detentions linked from a
    use-of-force report). counted_unit names the unit of every row. Unsuppressed: analysts only. -#}
with counts as (
    select * from {{ ref('int_use_of_force_share_counts') }}
),

measured as (
    select
        -- period and slice
        counts.period_type,
        counts.period_start,
        counts.period_end,
        'FORCE' as area_code,
        counts.measure,
        counts.counted_unit,
        'officer-defined' as ethnicity_basis,
        counts.ethnic_group,
        '{{ var("reference_ethnic_group") }}' as reference_group,
        -- the group
        counts.units_counted,
        counts.units_with_measure,
        {{ share_with_interval('counts.units_with_measure', 'counts.units_counted', 'share') }},
        -- the reference group
        counts.reference_units_counted,
        counts.reference_units_with_measure,
        {{ share('counts.reference_units_with_measure', 'counts.reference_units_counted') }} as reference_share,
        -- the ratio
        {{ ratio_with_interval('counts.units_with_measure', 'counts.units_counted', 'counts.reference_units_with_measure',
                               'counts.reference_units_counted', 'share_ratio', of='proportions') }}
    from counts
    where counts.ethnic_group <> 'Not stated'
),

-- whether each ratio stands after false discovery rate control; family: a measure in a period
controlled as (
    {{ ratios_with_false_discovery_control('measured', 'share_ratio', ['period_type', 'period_start', 'measure'],
        tested="measured.ethnic_group <> measured.reference_group") }}
)

select * from controlled
