select rank_grade_code, rank_grade_label, workforce_type_code, rank_group, rank_order from {{ ref('rank_grades') }}
