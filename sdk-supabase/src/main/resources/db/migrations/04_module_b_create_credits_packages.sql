-- Module B: the credit packages on sale (public.credits_packages).
--
-- Everyone, anonymous visitors included, reads the active packages; only admins write. A package that has been sold
-- cannot be deleted (credits_transactions references it): deactivate it instead.

create table if not exists public.credits_packages (
  id uuid primary key default gen_random_uuid(),
  name text not null
    constraint credits_packages_name_check check (btrim(name) <> '' and length(name) <= 100),
  credits integer not null
    constraint credits_packages_credits_check check (credits > 0),
  price_cents integer not null
    constraint credits_packages_price_check check (price_cents >= 0),
  currency text not null default 'CAD'
    constraint credits_packages_currency_check check (currency ~ '^[A-Z]{3}$'),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.credits_packages is
  'Module B. Credit packages on sale; prices in cents of currency (ISO 4217, CAD by default). See docs/DATABASE.md.';

create index if not exists credits_packages_active_idx on public.credits_packages (price_cents) where active;

create or replace trigger credits_packages_set_updated_at
  before update on public.credits_packages
  for each row execute function public.set_updated_at();

create or replace trigger credits_packages_audit
  after insert or update or delete on public.credits_packages
  for each row execute function public.audit_row_change();

-- Row Level Security --------------------------------------------------------------------------------------------------

alter table public.credits_packages enable row level security;

drop policy if exists credits_packages_select_active on public.credits_packages;
create policy credits_packages_select_active on public.credits_packages
  for select to anon, authenticated
  using (active);

drop policy if exists credits_packages_select_admin on public.credits_packages;
create policy credits_packages_select_admin on public.credits_packages
  for select to authenticated
  using ((select public.is_admin()));

drop policy if exists credits_packages_insert_admin on public.credits_packages;
create policy credits_packages_insert_admin on public.credits_packages
  for insert to authenticated
  with check ((select public.is_admin()));

drop policy if exists credits_packages_update_admin on public.credits_packages;
create policy credits_packages_update_admin on public.credits_packages
  for update to authenticated
  using ((select public.is_admin()))
  with check ((select public.is_admin()));

drop policy if exists credits_packages_delete_admin on public.credits_packages;
create policy credits_packages_delete_admin on public.credits_packages
  for delete to authenticated
  using ((select public.is_admin()));
