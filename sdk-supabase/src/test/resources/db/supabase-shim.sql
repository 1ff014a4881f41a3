-- Supabase compatibility shim for a plain PostgreSQL (15+) test database.
--
-- Reproduces what a Supabase project provides before any application migration runs, so that the migrations under
-- db/migrations run unchanged and the tests exercise the very SQL production runs:
--   * the API roles anon, authenticated and service_role (bypassrls), and authenticator, the role PostgREST logs in
--     with, a member of the three;
--   * schema auth with a minimal auth.users and the helpers auth.uid(), auth.role(), auth.email() and auth.jwt(),
--     with the definitions of the supabase/auth migrations (claims read from request.jwt.claims, legacy
--     request.jwt.claim.* first; an empty setting counts as absent);
--   * Supabase's default grants: the API roles hold every privilege on tables, sequences and functions created in
--     public, so Row Level Security alone decides which rows they reach.
--
-- Test-only. It is never shipped with the migrations: on Supabase the auth schema belongs to supabase_auth_admin.
-- Roles are cluster-wide objects: they are created when missing and never dropped; everything else lives in the
-- test's own database.

do $$
declare
  r record;
begin
  for r in
    select * from (values
      ('anon', 'nologin noinherit'),
      ('authenticated', 'nologin noinherit'),
      ('service_role', 'nologin noinherit bypassrls'),
      ('authenticator', 'login noinherit')
    ) as t(name, options)
  loop
    if not exists (select 1 from pg_catalog.pg_roles where rolname = r.name) then
      begin
        execute format('create role %I %s', r.name, r.options);
      exception when duplicate_object or unique_violation then
        null; -- created concurrently by another test run on the same cluster
      end;
    end if;
  end loop;
end
$$;

alter role service_role bypassrls;
grant anon, authenticated, service_role to authenticator;

-- Schema auth, as far as application migrations and policies rely on it.
create schema if not exists auth;

create table if not exists auth.users (
  id uuid primary key,
  aud text default 'authenticated',
  role text default 'authenticated',
  email text,
  phone text,
  raw_app_meta_data jsonb default '{}'::jsonb,
  raw_user_meta_data jsonb default '{}'::jsonb,
  is_anonymous boolean not null default false,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  deleted_at timestamptz
);

create or replace function auth.uid() returns uuid
language sql stable
set search_path = ''
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
set search_path = ''
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
set search_path = ''
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
set search_path = ''
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant usage on schema auth to anon, authenticated, service_role;
grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt() to anon, authenticated, service_role;

-- Supabase's default grants on schema public (supabase/postgres initial schema).
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
