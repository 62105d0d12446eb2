{#- The grain a model declares in its meta; at parse time (nothing runs yet) a placeholder. -#}
{% macro declared_grain(model) -%}
    {%- if not execute -%}{{ return(['1']) }}{%- endif -%}
    {%- set node = graph.nodes.values() | selectattr('resource_type', 'in', ['model', 'seed'])
                                       | selectattr('alias', 'equalto', model.identifier) | first -%}
    {%- if not node.config.meta.grain -%}
        {{ exceptions.raise_compiler_error(model.identifier ~ ' has no grain in its meta: declare config: {meta: {grain: [...]}}') }}
    {%- endif -%}
    {{ return(node.config.meta.grain) }}
{%- endmacro %}
