#!/usr/bin/env bash
# One-shot start-up job of the compose stack (service airflow-init):
#   1. refuse to start with a missing or placeholder secret,
#   2. migrate Airflow's metadata database,
#   3. create the Airflow admin user only if it does not exist yet (a restart never resets it).
set -euo pipefail

fail() { echo "airflow-init: $*" >&2; exit 1; }

for name in EQUALITY_PSEUDONYM_KEY AIRFLOW_ADMIN_PASSWORD AIRFLOW__CORE__FERNET_KEY AIRFLOW__API_AUTH__JWT_SECRET; do
    value="${!name:-}"
    [ -n "$value" ] || fail "$name is empty: set it in .env (see .env.example)"
    case "$value" in
        *change-me*) fail "$name still holds the placeholder from .env.example: replace it in .env" ;;
    esac
done
if [ "${#EQUALITY_PSEUDONYM_KEY}" -lt 32 ]; then
    fail "EQUALITY_PSEUDONYM_KEY is shorter than 32 characters; generate one with: python -c \"import secrets; print(secrets.token_hex(32))\""
fi

airflow db migrate

admin="${AIRFLOW_ADMIN_USERNAME:-admin}"
if airflow users list --output json \
    | python -c '
import json, sys
try:
    users = {user["username"] for user in json.load(sys.stdin)}
except ValueError:  # "No data found" instead of JSON when there are no users yet
    users = set()
sys.exit(0 if sys.argv[1] in users else 1)' "$admin"
then
    echo "airflow-init: admin user '$admin' already exists, left unchanged"
else
    airflow users create \
        --username "$admin" \
        --password "$AIRFLOW_ADMIN_PASSWORD" \
        --firstname Equality \
        --lastname Admin \
        --role Admin \
        --email "${AIRFLOW_ADMIN_EMAIL:-admin@example.invalid}"
    echo "airflow-init: created admin user '$admin'"
fi
