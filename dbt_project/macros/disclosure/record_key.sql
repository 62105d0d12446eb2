{#- A record's key for cell-key perturbation: a whole number 0-255 from the first byte of the SHA-256 of its
    pseudonymised identifier. The identifier is already a keyed hash (HMAC at ingest), so an outsider cannot
    compute a record's key, nor a cell's. -#}
{% macro record_key(identifier) -%}
    get_byte(sha256(convert_to({{ identifier }}::text, 'UTF8')), 0)
{%- endmacro %}
