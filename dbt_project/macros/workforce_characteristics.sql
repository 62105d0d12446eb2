{#- The protected characteristics of a row as (characteristic, group_code) pairs, for a lateral join that
    turns one row per person into one row per person and characteristic:
    `cross join lateral {{ workforce_characteristics('people') }}`. Ethnicity is the broad group (or
    'Prefer not to say' / 'Not recorded'); the others are their codes. with_person_only adds the characteristics
    only the people snapshot holds (gender reassignment, marital status, pregnancy and maternity). -#}
{% macro workforce_characteristics(relation, with_person_only=false) -%}
(values
    ('ethnicity', {{ relation }}.ethnic_group),
    ('sex', {{ relation }}.sex_code),
    ('age_band', {{ relation }}.age_band_code),
    ('disability', {{ relation }}.disability),
    ('religion_or_belief', {{ relation }}.religion_or_belief),
    ('sexual_orientation', {{ relation }}.sexual_orientation)
    {%- if with_person_only %},
    ('gender_reassignment', {{ relation }}.gender_reassignment),
    ('marital_status', {{ relation }}.marital_status),
    ('pregnancy_maternity', {{ relation }}.pregnancy_maternity)
    {%- endif %}
) as characteristics (characteristic, group_code)
{%- endmacro %}

{#- The ethnic group and sex code of HR rows, from the seeds that map delivered values (join aliases
    ethnicity_values and sex_values): `{{ hr_ethnicity_and_sex_joins('source_alias') }}`. -#}
{% macro hr_ethnicity_and_sex_joins(relation) -%}
    left join {{ ref('ethnicity_source_values') }} as ethnicity_values
        on ethnicity_values.source_system = 'hr_self_defined' and ethnicity_values.source_value = {{ relation }}.ethnicity_value
    left join {{ ref('sex_source_values') }} as sex_values
        on sex_values.source_system = 'hr' and sex_values.source_value = {{ relation }}.sex_value
{%- endmacro %}
