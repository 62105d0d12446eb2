{#- Officer promotion against the eligible pool; exact: analysts only (macro promotion_mart). -#}
{{ promotion_mart(ref('int_promotion_cells')) }}
