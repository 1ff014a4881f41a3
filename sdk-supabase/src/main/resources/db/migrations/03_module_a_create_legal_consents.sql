-- Module A: legal consents (public.legal_consents), kept as proof under Québec's Law 25.
--
-- One row per decision (granted true or false) on one version of one document. A decision is never edited and
-- never deleted: withdrawing a consent sets revoked_at on the granted row, once, and granting again records a new
-- row. For requests coming through the API, granted_at, revoked_at, ip and user_agent are taken from the request
-- (server time, x-forwarded-for, user-agent), never from the body, so the proof cannot be back-dated or forged.
-- user_id has no foreign key on purpose: the proof must outlive the account.

create table if not exists public.legal_consents (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null,
  consent_type text not null
    constraint legal_consents_type_check check (consent_type ~ '^[a-z][a-z0-9_]{0,49}$'),
  version text not null
    constraint legal_consents_version_check check (btrim(version) <> '' and length(version) <= 50),
  granted boolean not null,
  granted_at timestamptz not null default now(),
  revoked_at timestamptz,
  ip inet,
  user_agent text
    constraint legal_consents_user_agent_check check (user_agent is null or length(user_agent) <= 1000),
  constraint legal_consents_revocation_check check (revoked_at is null or (granted and revoked_at >= granted_at))
);

comment on table public.legal_consents is
  'Module A. Consent decisions (terms, privacy, marketing, ...); never edited, never deleted; revocation sets '
  'revoked_at once. See docs/DATABASE.md.';

create index if not exists legal_consents_user_type_idx
  on public.legal_consents (user_id, consent_type, granted_at desc);

-- Evidence rules ------------------------------------------------------------------------------------------------------

-- Runs with the caller's privileges so that current_user tells API requests (anon, authenticated) from trusted
-- backend code, which may supply the IP and user agent it observed.
create or replace function public.legal_consents_guard() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_from_api boolean := current_user in ('anon', 'authenticated');
begin
  if tg_op = 'INSERT' then
    if new.revoked_at is not null then
      raise exception 'legal_consents: record the decision first, then revoke it by setting revoked_at'
        using errcode = '42501';
    end if;
    if v_from_api then
      new.granted_at := now();
      new.ip := public.request_ip();
      new.user_agent := left(public.request_header('user-agent'), 1000);
    end if;
    return new;
  end if;

  if (to_jsonb(new) - 'revoked_at') is distinct from (to_jsonb(old) - 'revoked_at') then
    raise exception 'legal_consents: a recorded decision cannot be changed; record a new one instead'
      using errcode = '42501';
  end if;
  if new.revoked_at is not distinct from old.revoked_at then
    return new;
  end if;
  if old.revoked_at is not null then
    raise exception 'legal_consents: consent % was already revoked; a revocation is final', old.id
      using errcode = '42501';
  end if;
  if not old.granted then
    raise exception 'legal_consents: only a granted consent can be revoked (consent % was refused)', old.id
      using errcode = '42501';
  end if;
  if v_from_api then
    new.revoked_at := now();
  end if;
  return new;
end
$$;

create or replace trigger legal_consents_guard
  before insert or update on public.legal_consents
  for each row execute function public.legal_consents_guard();

revoke delete, truncate on public.legal_consents from public, anon, authenticated, service_role;

create or replace trigger legal_consents_no_delete
  before delete on public.legal_consents
  for each row execute function public.forbid_modification();

create or replace trigger legal_consents_no_truncate
  before truncate on public.legal_consents
  for each statement execute function public.forbid_modification();

create or replace trigger legal_consents_audit
  after insert or update on public.legal_consents
  for each row execute function public.audit_row_change();

-- Row Level Security --------------------------------------------------------------------------------------------------

alter table public.legal_consents enable row level security;

drop policy if exists legal_consents_select_own on public.legal_consents;
create policy legal_consents_select_own on public.legal_consents
  for select to authenticated
  using (user_id = (select auth.uid()));

drop policy if exists legal_consents_select_admin on public.legal_consents;
create policy legal_consents_select_admin on public.legal_consents
  for select to authenticated
  using ((select public.is_admin()));

drop policy if exists legal_consents_insert_own on public.legal_consents;
create policy legal_consents_insert_own on public.legal_consents
  for insert to authenticated
  with check (user_id = (select auth.uid()));

drop policy if exists legal_consents_update_own on public.legal_consents;
create policy legal_consents_update_own on public.legal_consents
  for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));
