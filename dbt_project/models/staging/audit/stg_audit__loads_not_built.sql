{#- The loads whose rows (or, superseded, their removal) no build has taken in yet: what tonight's build must
    rebuild (equality.nightly.build marks them built when it succeeds). -#}
select load_id, source
from {{ source('audit', 'loads') }}
where built_at is null and status <> 'rejected'
