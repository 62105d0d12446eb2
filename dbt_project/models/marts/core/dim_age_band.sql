select age_band_code, age_band_label, min_age, max_age, sort_order from {{ ref('age_bands') }}
