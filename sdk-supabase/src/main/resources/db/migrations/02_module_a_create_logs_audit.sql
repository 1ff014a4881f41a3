-- Module A: the audit log (public.logs_audit), append-only for everyone, the service role included.
--
-- Rows come from three writers: the audit trigger below (attached to every global table that users change), the
-- log_audit_event() function for events a signed-in user reports about themselves, and backend services using the
-- service role, which may insert directly. Nobody updates, deletes or truncates: the privileges are revoked from
-- the API roles (BYPASSRLS does not grant privileges) and a trigger refuses the statement for every other role.
-- actor_id has no foreign key on purpose: the trail must outlive the account it describes.
--
-- One event, one row: every row has a unique event_id. A request may name the event it performs in the
-- X-Audit-Event-Id header; the trigger and log_audit_event() then store that id, so the SDK's own copy of the same
-- event, written later with "on conflict (event_id) do nothing", is skipped instead of duplicated.

-- Request context helpers ---------------------------------------------------------------------------------------------

create or replace function public.request_header(p_name text) returns text
language sql stable
set search_path = ''
as $$
  select nullif(current_setting('request.headers', true), '')::jsonb ->> lower(p_name)
$$;

comment on function public.request_header(text) is
  'Value of an HTTP request header as PostgREST passes it in request.headers (names lower-cased); null outside a request.';

create or replace function public.request_ip() returns inet
language plpgsql stable
set search_path = ''
as $$
declare
  v_ip text := btrim(split_part(coalesce(public.request_header('x-forwarded-for'),
                                         public.request_header('x-real-ip'), ''), ',', 1));
begin
  if v_ip = '' then
    return null;
  end if;
  return v_ip::inet;
exception
  when invalid_text_representation then
    return null;
end
$$;

comment on function public.request_ip() is
  'Client IP of the current request: first x-forwarded-for entry, else x-real-ip; null when absent or malformed.';

-- The audit event a request names in its X-Audit-Event-Id header, when that is a well-formed uuid; null otherwise
-- (absent or malformed), so a bad header never fails the request: its row then gets a fresh id.
create or replace function public.request_audit_event_id() returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
  v_text text := btrim(public.request_header('x-audit-event-id'));
begin
  if v_text ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return v_text::uuid;
  end if;
  return null;
end
$$;

comment on function public.request_audit_event_id() is
  'Event id named by the X-Audit-Event-Id request header when it is a valid uuid; null when absent or malformed.';

-- Role recorded with an event: the application role of a signed-in user, otherwise the database role that ran the
-- statement (service_role, anon, or the login role of a direct connection).
create or replace function public.current_actor_role() returns text
language sql stable security definer
set search_path = ''
as $$
  select coalesce(public.current_app_role(), nullif(current_setting('role', true), 'none'), session_user::text)
$$;

revoke execute on function public.current_actor_role() from public;
grant execute on function public.current_actor_role() to anon, authenticated, service_role;

-- Table ---------------------------------------------------------------------------------------------------------------

create table if not exists public.logs_audit (
  id bigint generated always as identity primary key,
  event_id uuid not null default gen_random_uuid()
    constraint logs_audit_event_id_key unique,
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  actor_role text,
  action text not null
    constraint logs_audit_action_check check (btrim(action) <> '' and length(action) <= 100),
  entity_type text not null
    constraint logs_audit_entity_type_check check (btrim(entity_type) <> '' and length(entity_type) <= 100),
  entity_id text,
  changes jsonb not null default '{}'::jsonb
    constraint logs_audit_changes_check check (jsonb_typeof(changes) = 'object'),
  ip inet,
  request_id text
);

comment on table public.logs_audit is
  'Module A. Append-only audit trail: no update, no delete, for every role. See docs/DATABASE.md.';

create index if not exists logs_audit_actor_id_idx on public.logs_audit (actor_id, occurred_at desc);
create index if not exists logs_audit_entity_idx on public.logs_audit (entity_type, entity_id);
create index if not exists logs_audit_occurred_at_idx on public.logs_audit using brin (occurred_at);

-- Append-only, belt and braces ----------------------------------------------------------------------------------------

revoke update, delete, truncate on public.logs_audit from public, anon, authenticated, service_role;

create or replace function public.forbid_modification() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception '%.%: rows are permanent; % is not allowed', tg_table_schema, tg_table_name, lower(tg_op)
    using errcode = '42501';
end
$$;

comment on function public.forbid_modification() is
  'Trigger refusing the statement it fires for (UPDATE, DELETE or TRUNCATE), whoever runs it.';

create or replace trigger logs_audit_no_update_delete
  before update or delete on public.logs_audit
  for each row execute function public.forbid_modification();

create or replace trigger logs_audit_no_truncate
  before truncate on public.logs_audit
  for each statement execute function public.forbid_modification();

-- Row Level Security --------------------------------------------------------------------------------------------------

alter table public.logs_audit enable row level security;

drop policy if exists logs_audit_select_own on public.logs_audit;
create policy logs_audit_select_own on public.logs_audit
  for select to authenticated
  using (actor_id = (select auth.uid()));

drop policy if exists logs_audit_select_admin on public.logs_audit;
create policy logs_audit_select_admin on public.logs_audit
  for select to authenticated
  using ((select public.is_admin()));

-- No INSERT policy: signed-in users write through log_audit_event(), which fills the actor itself.

-- The one writer of the trigger and of log_audit_event() --------------------------------------------------------------

-- Appends a row whose event_id is the request's X-Audit-Event-Id when it names one not stored yet; otherwise (no
-- header, a malformed one, or an id already used, e.g. by the second row of a multi-row statement) a fresh id. It
-- never fails because of the header. Called by the SECURITY DEFINER functions below, which run as the owner.
create or replace function public.append_audit_row(
  p_actor_id uuid,
  p_actor_role text,
  p_action text,
  p_entity_type text,
  p_entity_id text,
  p_changes jsonb
) returns public.logs_audit
language plpgsql
set search_path = ''
as $$
declare
  v_event_id uuid := public.request_audit_event_id();
  v_row public.logs_audit;
begin
  if v_event_id is not null then
    insert into public.logs_audit (event_id, actor_id, actor_role, action, entity_type, entity_id, changes, ip,
                                   request_id)
    values (v_event_id, p_actor_id, p_actor_role, p_action, p_entity_type, p_entity_id, p_changes,
            public.request_ip(), public.request_header('x-request-id'))
    on conflict (event_id) do nothing
    returning * into v_row;
    if found then
      return v_row;
    end if;
  end if;
  insert into public.logs_audit (event_id, actor_id, actor_role, action, entity_type, entity_id, changes, ip,
                                 request_id)
  values (gen_random_uuid(), p_actor_id, p_actor_role, p_action, p_entity_type, p_entity_id, p_changes,
          public.request_ip(), public.request_header('x-request-id'))
  returning * into v_row;
  return v_row;
end
$$;

comment on function public.append_audit_row(uuid, text, text, text, text, jsonb) is
  'Appends one logs_audit row with the request''s ip, request id and X-Audit-Event-Id (when valid and unused).';

revoke execute on function public.append_audit_row(uuid, text, text, text, text, jsonb)
  from public, anon, authenticated, service_role;

-- Events reported by a signed-in user ---------------------------------------------------------------------------------

create or replace function public.log_audit_event(
  p_action text,
  p_entity_type text,
  p_entity_id text default null,
  p_changes jsonb default '{}'::jsonb
) returns public.logs_audit
language plpgsql security definer
set search_path = ''
as $$
begin
  return public.append_audit_row(auth.uid(), public.current_actor_role(), p_action, p_entity_type, p_entity_id,
                                 coalesce(p_changes, '{}'::jsonb));
end
$$;

comment on function public.log_audit_event(text, text, text, jsonb) is
  'Appends an event whose actor, role, IP, request id and event id (X-Audit-Event-Id) come from the request itself, '
  'never from the caller.';

revoke execute on function public.log_audit_event(text, text, text, jsonb) from public, anon;
grant execute on function public.log_audit_event(text, text, text, jsonb) to authenticated, service_role;

-- Automatic trail for table changes -----------------------------------------------------------------------------------

-- AFTER row trigger. changes maps each changed column to {"old": ..., "new": ...} (only "new" on insert, only "old"
-- on delete); an update that changes nothing but updated_at is not logged. Setting or clearing deleted_at is logged
-- as soft_delete or restore. The row's event_id is the request's X-Audit-Event-Id when it names one.
create or replace function public.audit_row_change() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  v_new jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  v_changes jsonb;
  v_action text := lower(tg_op);
begin
  select coalesce(jsonb_object_agg(k.key, case tg_op
                                             when 'INSERT' then jsonb_build_object('new', v_new -> k.key)
                                             when 'DELETE' then jsonb_build_object('old', v_old -> k.key)
                                             else jsonb_build_object('old', v_old -> k.key, 'new', v_new -> k.key)
                                           end), '{}'::jsonb)
  into v_changes
  from (select jsonb_object_keys(coalesce(v_new, v_old)) as key) k
  where k.key <> 'updated_at'
    and (tg_op <> 'UPDATE' or (v_old -> k.key) is distinct from (v_new -> k.key))
    and (tg_op = 'UPDATE' or jsonb_typeof(coalesce(v_new, v_old) -> k.key) <> 'null');

  if tg_op = 'UPDATE' then
    if v_changes = '{}'::jsonb then
      return null;
    end if;
    if v_changes ? 'deleted_at' and (v_old ->> 'deleted_at') is null then
      v_action := 'soft_delete';
    elsif v_changes ? 'deleted_at' and (v_new ->> 'deleted_at') is null then
      v_action := 'restore';
    end if;
  end if;

  perform public.append_audit_row(auth.uid(), public.current_actor_role(), v_action, tg_table_name,
                                  coalesce(v_new, v_old) ->> 'id', v_changes);
  return null;
end
$$;

revoke execute on function public.audit_row_change() from public, anon, authenticated, service_role;

create or replace trigger users_audit
  after insert or update or delete on public.users
  for each row execute function public.audit_row_change();
