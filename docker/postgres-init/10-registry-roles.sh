#!/bin/sh
# Runs once, when the db service creates its data volume, as POSTGRES_USER: the schema's owner,
# who runs the migrations (the migrate service). The API signs in as registry_app, a member of
# registry_api, to which the migrations grant row rights only (docs/access-control.md).
set -eu
: "${API_DATABASE_PASSWORD:?set API_DATABASE_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v api_password="$API_DATABASE_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
CREATE ROLE registry_api NOLOGIN;
CREATE ROLE registry_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT
  PASSWORD :'api_password' IN ROLE registry_api;
-- The API's default statement timeout, as a setting of its role: it then holds behind PgBouncer
-- too (docs/scaling.md).
ALTER ROLE registry_app SET statement_timeout = '60s';
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO registry_api;
SQL
