{#- The model or seed a relation was built from, as the graph holds it (its config, meta and columns). -#}
{% macro declared_node(relation) -%}
    {{ return(graph.nodes.values() | selectattr('resource_type', 'in', ['model', 'seed'])
                                   | selectattr('alias', 'equalto', relation.identifier) | first) }}
{%- endmacro %}
