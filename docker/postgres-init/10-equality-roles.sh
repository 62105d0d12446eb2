#!/usr/bin/env bash
# Runs once, when the `warehouse` service starts on an empty data volume
# (postgres image: /docker-entrypoint-initdb.d). Creates:
#   - the pipeline's login (WAREHOUSE_PIPELINE_USER, the user in WAREHOUSE_URL): owns the warehouse
#     database, may create roles, and administers the two read roles;
#   - the read roles equality_analyst and equality_bi (the pipeline grants them their schemas,
#     equality_bi only `reporting`);
#   - a BI login (WAREHOUSE_BI_USER), member of equality_bi, read-only, search_path reporting.
# Later password changes are made with ALTER ROLE, not by editing .env (this script does not run again).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v db="$POSTGRES_DB" \
    -v pipeline_user="$WAREHOUSE_PIPELINE_USER" \
    -v pipeline_password="$WAREHOUSE_PIPELINE_PASSWORD" \
    -v bi_user="$WAREHOUSE_BI_USER" \
    -v bi_password="$WAREHOUSE_BI_PASSWORD" <<'SQL'
select format('create role %I login createrole password %L', :'pipeline_user', :'pipeline_password')
where not exists (select 1 from pg_roles where rolname = :'pipeline_user') \gexec
select format('alter database %I owner to %I', :'db', :'pipeline_user') \gexec

select format('create role %I nologin', r) from unnest(array['equality_analyst', 'equality_bi']) as r
where not exists (select 1 from pg_roles where rolname = r) \gexec
select format('grant equality_analyst, equality_bi to %I with admin option', :'pipeline_user') \gexec

select format('revoke all on database %I from public', :'db') \gexec
select format('grant connect on database %I to equality_analyst, equality_bi', :'db') \gexec

select format('create role %I login password %L in role equality_bi', :'bi_user', :'bi_password')
where not exists (select 1 from pg_roles where rolname = :'bi_user') \gexec
select format('alter role %I set default_transaction_read_only = on', :'bi_user') \gexec
select format('alter role %I set search_path = reporting', :'bi_user') \gexec
SQL
