-- Module F: AI agent definitions (public.ai_agents).
--
-- Admins manage agents, soft-deleted ones included; every signed-in user reads the active, non-deleted agents
-- (anonymous visitors read none). Like offers, deleted_at is kept out of the admin policies so that a soft delete
-- and a restore by PATCH work under RLS.

create table if not exists public.ai_agents (
  id uuid primary key default gen_random_uuid(),
  name text not null
    constraint ai_agents_name_check check (btrim(name) <> '' and length(name) <= 100),
  model text not null
    constraint ai_agents_model_check check (btrim(model) <> '' and length(model) <= 100),
  system_prompt text not null default ''
    constraint ai_agents_system_prompt_check check (length(system_prompt) <= 100000),
  temperature numeric(3, 2) not null default 0.7
    constraint ai_agents_temperature_check check (temperature >= 0 and temperature <= 2),
  tools jsonb not null default '[]'::jsonb
    constraint ai_agents_tools_check check (jsonb_typeof(tools) = 'array'),
  active boolean not null default true,
  owner_id uuid default auth.uid() references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null
);

comment on table public.ai_agents is
  'Module F. AI agent definitions (model, system prompt, temperature 0-2, tools as a JSON array); soft-deleted '
  'through deleted_at. See docs/DATABASE.md.';

create unique index if not exists ai_agents_name_live_key on public.ai_agents (lower(name)) where deleted_at is null;
create index if not exists ai_agents_owner_id_idx on public.ai_agents (owner_id) where owner_id is not null;
create index if not exists ai_agents_deleted_by_idx on public.ai_agents (deleted_by) where deleted_by is not null;

create or replace trigger ai_agents_set_updated_at
  before update on public.ai_agents
  for each row execute function public.set_updated_at();

create or replace trigger ai_agents_stamp_soft_delete
  before insert or update of deleted_at, deleted_by on public.ai_agents
  for each row execute function public.stamp_soft_delete();

create or replace trigger ai_agents_audit
  after insert or update or delete on public.ai_agents
  for each row execute function public.audit_row_change();

-- Row Level Security --------------------------------------------------------------------------------------------------

alter table public.ai_agents enable row level security;

drop policy if exists ai_agents_select_active on public.ai_agents;
create policy ai_agents_select_active on public.ai_agents
  for select to authenticated
  using (active and deleted_at is null);

drop policy if exists ai_agents_select_admin on public.ai_agents;
create policy ai_agents_select_admin on public.ai_agents
  for select to authenticated
  using ((select public.is_admin()));

drop policy if exists ai_agents_insert_admin on public.ai_agents;
create policy ai_agents_insert_admin on public.ai_agents
  for insert to authenticated
  with check ((select public.is_admin()));

drop policy if exists ai_agents_update_admin on public.ai_agents;
create policy ai_agents_update_admin on public.ai_agents
  for update to authenticated
  using ((select public.is_admin()))
  with check ((select public.is_admin()));

drop policy if exists ai_agents_delete_admin on public.ai_agents;
create policy ai_agents_delete_admin on public.ai_agents
  for delete to authenticated
  using ((select public.is_admin()));
