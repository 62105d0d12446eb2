select department_code, department_label, is_specialist from {{ ref('departments') }}
