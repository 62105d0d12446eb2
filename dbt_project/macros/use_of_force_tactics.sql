{#- The use-of-force tactics recorded as yes/no flags on the form (contract columns tactic_<name>, staged as
    has_tactic_<name>), in the form's order; the CED (Taser) is apart: one coded highest use. -#}
{% macro use_of_force_tactics() -%}
    {{ return(['handcuffing_compliant', 'handcuffing_non_compliant', 'ground_restraint', 'unarmed_skills', 'baton',
               'irritant_spray', 'spit_and_bite_guard', 'limb_body_restraint', 'firearms_aimed', 'firearms_fired',
               'dog']) }}
{%- endmacro %}
