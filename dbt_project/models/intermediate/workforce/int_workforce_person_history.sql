{{ config(indexes=[{'columns': ['person_id', 'valid_from']}]) }}
{#- Type-2 history of every person, rebuilt from all delivered snapshots each night: one row per person and
    version, valid from the first snapshot that showed it until (not including) valid_to, the first later
    snapshot in which the person was different or absent; valid_to is null while the latest snapshot still
    shows it. "As at" date D: valid_from <= D and (valid_to is null or D < valid_to).

    Built from the raw snapshots rather than with `dbt snapshot`: a snapshot table records what dbt saw when it
    ran, so a backfill or a corrected re-delivery loaded in one night would collapse into one version, and a
    lost snapshot table could not be rebuilt. This model is the same history, reproducible from raw.
    Indexed by person and date: events, allegations and proceedings look a person's record up as at a day. -#}
{%- set attributes = ['workforce_type_code', 'rank_grade_code', 'rank_group', 'rank_order', 'department_code',
                      'is_specialist_department', 'is_specialist_role', 'lpu_code', 'fte', 'start_date',
                      'ethnic_group', 'sex_code', 'age_band_code', 'disability', 'religion_or_belief',
                      'sexual_orientation', 'gender_reassignment', 'marital_status', 'pregnancy_maternity'] %}
with snapshots_conformed as (
    select * from {{ ref('int_workforce_snapshots_conformed') }}
),

snapshot_dates as (
    select
        snapshot_date,
        row_number() over (order by snapshot_date) as snapshot_number
    from (select distinct snapshot_date from snapshots_conformed) as delivered
),

numbered as (
    select
        snapshots_conformed.*,
        snapshot_dates.snapshot_number,
        md5(concat_ws('|', {% for column in attributes %}coalesce({{ column }}::text, '~'){% if not loop.last %}, {% endif %}{% endfor %})) as attributes_hash
    from snapshots_conformed
    inner join snapshot_dates on snapshots_conformed.snapshot_date = snapshot_dates.snapshot_date
),

version_starts as (
    select
        numbered.*,
        case when lag(attributes_hash) over by_person = attributes_hash
                  and lag(snapshot_number) over by_person = snapshot_number - 1 then 0 else 1 end as starts_version
    from numbered
    window by_person as (partition by person_id order by snapshot_number)
),

versions as (
    select
        version_starts.*,
        sum(starts_version) over (partition by person_id order by snapshot_number) as version_number
    from version_starts
),

spans as (
    select
        versions.*,
        max(snapshot_number) over (partition by person_id, version_number) as last_snapshot_number
    from versions
),

history as (
    select
        spans.person_id,
        spans.version_number,
        spans.snapshot_date as valid_from,
        following.snapshot_date as valid_to,
        following.snapshot_date is null as is_current,
        {%- for column in attributes %}
        spans.{{ column }}{% if not loop.last %},{% endif %}
        {%- endfor %}
    from spans
    left join snapshot_dates as following on following.snapshot_number = spans.last_snapshot_number + 1
    where spans.starts_version = 1
)

select * from history
