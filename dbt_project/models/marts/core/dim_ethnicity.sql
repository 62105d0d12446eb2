{#- Ethnic groups in the ONS 2021 classification, plus members for values known only at the broad level
    (officer-observed codes, 'any other White' in the 16+1 codes) and 'Not stated'. -#}
with ethnic_groups as (
    select * from {{ ref('ethnic_groups') }}
),

broad_groups as (
    select distinct broad_ethnic_group from ethnic_groups
),

members as (
    select
        ethnic_group_code as ethnicity_key,
        ethnic_group_code,
        ethnic_group_label,
        broad_ethnic_group,
        sort_order
    from ethnic_groups

    union all

    select
        'BROAD_' || upper(broad_ethnic_group),
        null,
        broad_ethnic_group || ' (detail not recorded)',
        broad_ethnic_group,
        100
    from broad_groups

    union all

    select 'NOT_STATED', null, 'Not stated', 'Not stated', 200
),

described as (
    select
        members.*,
        broad_ethnic_group = 'Not stated' as is_not_stated,
        broad_ethnic_group not in ('White', 'Not stated') as is_ethnic_minority_excluding_white_minorities
    from members
)

select * from described
