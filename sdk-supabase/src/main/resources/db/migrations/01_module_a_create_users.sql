-- Module A: user profiles (public.users), one row per auth.users row, and the helpers every later policy uses.
--
-- The application role (consumer, merchant, affiliate, admin) lives in public.users.role. Policies read it through
-- public.current_app_role(), a SECURITY DEFINER function, so they never recurse into the RLS of public.users.
-- A user can change only their display_name: role, email and deletion are managed by an administrator, the
-- service role, or Supabase Auth (through the sync trigger at the end of this file).
--
-- Forward-only and re-runnable: every statement tolerates being applied twice.

-- Shared trigger functions -------------------------------------------------------------------------------------------

create or replace function public.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

comment on function public.set_updated_at() is
  'BEFORE UPDATE trigger: keeps updated_at at the time of the writing transaction.';

-- Fills deleted_by with the signed-in user when a row is soft-deleted and clears it on restore, so the author of a
-- deletion cannot be forged through the API. Runs with the caller's privileges: API requests (anon, authenticated)
-- cannot rewrite the author afterwards, while trusted code can, such as the ON DELETE SET NULL of the foreign key
-- when the author's account is deleted (it runs as the table owner).
create or replace function public.stamp_soft_delete() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.deleted_at is null then
    new.deleted_by := null;
  elsif tg_op = 'INSERT' or old.deleted_at is null then
    new.deleted_by := coalesce(auth.uid(), new.deleted_by);
  elsif current_user in ('anon', 'authenticated') then
    new.deleted_by := old.deleted_by;
  end if;
  return new;
end
$$;

comment on function public.stamp_soft_delete() is
  'BEFORE INSERT/UPDATE trigger: deleted_by = the signed-in user when deleted_at is set, null once restored.';

-- Table ---------------------------------------------------------------------------------------------------------------

create table if not exists public.users (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  role text not null default 'consumer'
    constraint users_role_check check (role in ('consumer', 'merchant', 'affiliate', 'admin')),
  display_name text
    constraint users_display_name_check check (display_name is null or length(display_name) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null
);

comment on table public.users is
  'Module A. Profile of each Supabase Auth user; role drives every RLS policy. See docs/DATABASE.md.';

create index if not exists users_deleted_by_idx on public.users (deleted_by) where deleted_by is not null;

-- Role helpers --------------------------------------------------------------------------------------------------------

create or replace function public.current_app_role() returns text
language sql stable security definer
set search_path = ''
as $$
  select u.role
  from public.users u
  where u.id = (select auth.uid())
    and u.deleted_at is null
$$;

comment on function public.current_app_role() is
  'Application role of the signed-in user (consumer, merchant, affiliate, admin); null for anon, the service role '
  'and soft-deleted users. SECURITY DEFINER so that policies do not recurse into the RLS of public.users.';

create or replace function public.is_admin() returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(public.current_app_role() = 'admin', false)
$$;

comment on function public.is_admin() is 'True when the signed-in user is an active admin.';

revoke execute on function public.current_app_role() from public;
revoke execute on function public.is_admin() from public;
grant execute on function public.current_app_role() to anon, authenticated, service_role;
grant execute on function public.is_admin() to anon, authenticated, service_role;

-- Column guard: what a non-admin may change on their own row ----------------------------------------------------------

-- Runs with the caller's privileges: current_user is the API role (anon, authenticated) for requests coming through
-- PostgREST, and the definer for SECURITY DEFINER code such as the auth sync below, which is trusted.
create or replace function public.users_guard_columns() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated') and not public.is_admin() then
    if (to_jsonb(new) - 'display_name' - 'updated_at') is distinct from (to_jsonb(old) - 'display_name' - 'updated_at') then
      raise exception 'users: only display_name can be changed on your own profile; role, email and deletion are managed by an administrator'
        using errcode = '42501';
    end if;
  end if;
  return new;
end
$$;

create or replace trigger users_guard_columns
  before update on public.users
  for each row execute function public.users_guard_columns();

create or replace trigger users_set_updated_at
  before update on public.users
  for each row execute function public.set_updated_at();

create or replace trigger users_stamp_soft_delete
  before insert or update of deleted_at, deleted_by on public.users
  for each row execute function public.stamp_soft_delete();

-- Row Level Security --------------------------------------------------------------------------------------------------

alter table public.users enable row level security;

drop policy if exists users_select_own on public.users;
create policy users_select_own on public.users
  for select to authenticated
  using (id = (select auth.uid()));

drop policy if exists users_select_admin on public.users;
create policy users_select_admin on public.users
  for select to authenticated
  using ((select public.is_admin()));

drop policy if exists users_insert_admin on public.users;
create policy users_insert_admin on public.users
  for insert to authenticated
  with check ((select public.is_admin()));

drop policy if exists users_update_own on public.users;
create policy users_update_own on public.users
  for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

drop policy if exists users_update_admin on public.users;
create policy users_update_admin on public.users
  for update to authenticated
  using ((select public.is_admin()))
  with check ((select public.is_admin()));

drop policy if exists users_delete_admin on public.users;
create policy users_delete_admin on public.users
  for delete to authenticated
  using ((select public.is_admin()));

-- Sync from Supabase Auth ---------------------------------------------------------------------------------------------

-- A profile is created for every new auth user. The initial role comes from app_metadata.role, which only the
-- service role can set; user_metadata is editable by the user and is used for display_name only, never for the role.
-- Later changes of the email, or of app_metadata.role, are copied over; other auth updates leave the profile alone.
create or replace function public.sync_user_from_auth() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_role text := new.raw_app_meta_data ->> 'role';
begin
  if v_role is not null and v_role not in ('consumer', 'merchant', 'affiliate', 'admin') then
    v_role := null;
  end if;
  if tg_op = 'INSERT' then
    insert into public.users (id, email, role, display_name)
    values (
      new.id,
      new.email,
      coalesce(v_role, 'consumer'),
      nullif(btrim(left(coalesce(new.raw_user_meta_data ->> 'display_name', new.raw_user_meta_data ->> 'full_name',
                                 new.raw_user_meta_data ->> 'name'), 200)), '')
    )
    on conflict (id) do nothing;
  else
    update public.users u
    set email = new.email,
        role = case
                 when v_role is not null
                  and v_role is distinct from (old.raw_app_meta_data ->> 'role') then v_role
                 else u.role
               end
    where u.id = new.id
      and (u.email is distinct from new.email
           or (v_role is not null and v_role is distinct from (old.raw_app_meta_data ->> 'role') and v_role <> u.role));
  end if;
  return null;
end
$$;

revoke execute on function public.sync_user_from_auth() from public, anon, authenticated, service_role;

create or replace trigger rabaislocal_sync_user_insert
  after insert on auth.users
  for each row execute function public.sync_user_from_auth();

create or replace trigger rabaislocal_sync_user_update
  after update of email, raw_app_meta_data on auth.users
  for each row execute function public.sync_user_from_auth();

-- Users who signed up before this migration get their profile now.
insert into public.users (id, email, role, display_name)
select a.id,
       a.email,
       case when a.raw_app_meta_data ->> 'role' in ('consumer', 'merchant', 'affiliate', 'admin')
            then a.raw_app_meta_data ->> 'role' else 'consumer' end,
       nullif(btrim(left(coalesce(a.raw_user_meta_data ->> 'display_name', a.raw_user_meta_data ->> 'full_name',
                                  a.raw_user_meta_data ->> 'name'), 200)), '')
from auth.users a
on conflict (id) do nothing;
