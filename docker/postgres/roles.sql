-- The database roles of docker-compose.yml: one per app, owning only its schema (ADR 0012).
-- Run by the one-shot `postgres-roles` service as the superuser at every `up`, before the
-- migrations; passwords come from its environment (<APP>_DB_PASSWORD). Idempotent.
\set ON_ERROR_STOP on

\set role claimline_gateway
\set schema gateway
\set password `echo "$API_GATEWAY_DB_PASSWORD"`
\ir service-role.sql

\set role claimline_practice_settings
\set schema practice_settings
\set password `echo "$PRACTICE_SETTINGS_DB_PASSWORD"`
\ir service-role.sql

\set role claimline_client_insurance
\set schema client_insurance
\set password `echo "$CLIENT_INSURANCE_DB_PASSWORD"`
\ir service-role.sql

\set role claimline_enrollments
\set schema enrollments
\set password `echo "$ENROLLMENTS_DB_PASSWORD"`
\ir service-role.sql

\set role claimline_notifications
\set schema notifications
\set password `echo "$NOTIFICATIONS_DB_PASSWORD"`
\ir service-role.sql

\set role claimline_documents
\set schema documents
\set password `echo "$DOCUMENTS_DB_PASSWORD"`
\ir service-role.sql

\set role claimline_claims
\set schema claims
\set password `echo "$CLAIMS_DB_PASSWORD"`
\ir service-role.sql

\set role claimline_messaging
\set schema messaging
\set password `echo "$MESSAGING_DB_PASSWORD"`
\ir service-role.sql

\set role claimline_payments
\set schema payments
\set password `echo "$PAYMENTS_DB_PASSWORD"`
\ir service-role.sql

-- PostgreSQL < 15 lets every role create tables in public; no app needs to.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
