{#- The internal benchmark of stop and search for each (pseudonymised) officer: their searches of each minority
    broad group against those expected from the other officers working the same LPU x month x shift, on a
    funnel plot with overdispersion, flagged after false discovery rate control (macro internal_benchmark;
    docs/methodology.md, Internal benchmark). A screening tool for professional standards, not a finding.
    Built into the restricted schema oversight, read only by the role professional_standards: never published,
    never in marts. -#}
with events as (
    select * from {{ ref('int_stop_search_oversight_events') }}
),

periods as (
    select * from {{ ref('int_stop_search_oversight_periods') }}
),

officer_benchmark as (
    {{ internal_benchmark('events', 'officer_id', 'broad_ethnic_group', oversight_strata(), 'month_start', 'periods',
                          partition=['ethnicity_basis']) }}
),

final as (
    {{ oversight_benchmark_rows('officer_benchmark', 'periods', unit_name='officer_id') }}
)

select * from final
