-- Module C: merchants' offers (public.offers), soft-deleted rather than deleted.
--
-- Everyone, anonymous visitors included, reads the offers that are live: active, not deleted, inside their window.
-- A merchant manages their own offers, drafts and soft-deleted ones included; affiliates also see active offers
-- that have not started yet, so they can prepare their promotion; admins see and manage all.
--
-- Soft delete under RLS: deleted_at appears only in the policies of roles that cannot update, never in the
-- policies of the owner. PostgreSQL checks an updated row against the SELECT policies, so a filter on deleted_at
-- there would make the owner's own soft delete fail with 42501. The owner therefore soft-deletes with
-- PATCH {"deleted_at": ...} and restores with PATCH {"deleted_at": null}; deleted_by is filled by trigger.

create table if not exists public.offers (
  id uuid primary key default gen_random_uuid(),
  merchant_id uuid not null references public.users (id) on delete cascade,
  title text not null
    constraint offers_title_check check (btrim(title) <> '' and length(title) <= 200),
  description text
    constraint offers_description_check check (description is null or length(description) <= 5000),
  discount_percent numeric(5, 2)
    constraint offers_discount_percent_check check (discount_percent > 0 and discount_percent <= 100),
  discount_amount_cents integer
    constraint offers_discount_amount_check check (discount_amount_cents > 0),
  starts_at timestamptz not null default now(),
  ends_at timestamptz,
  status text not null default 'draft'
    constraint offers_status_check check (status in ('draft', 'active', 'expired')),
  city text not null
    constraint offers_city_check check (btrim(city) <> '' and length(city) <= 100),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  deleted_by uuid references public.users (id) on delete set null,
  constraint offers_one_discount_check check (num_nonnulls(discount_percent, discount_amount_cents) = 1),
  constraint offers_window_check check (ends_at is null or ends_at > starts_at)
);

comment on table public.offers is
  'Module C. Merchant offers; discount is either a percentage or an amount in cents; soft-deleted through '
  'deleted_at. See docs/DATABASE.md.';

create index if not exists offers_merchant_id_idx on public.offers (merchant_id);
create index if not exists offers_live_city_idx on public.offers (city, starts_at)
  where status = 'active' and deleted_at is null;
create index if not exists offers_live_window_idx on public.offers (starts_at, ends_at)
  where status = 'active' and deleted_at is null;
create index if not exists offers_deleted_by_idx on public.offers (deleted_by) where deleted_by is not null;

create or replace trigger offers_set_updated_at
  before update on public.offers
  for each row execute function public.set_updated_at();

create or replace trigger offers_stamp_soft_delete
  before insert or update of deleted_at, deleted_by on public.offers
  for each row execute function public.stamp_soft_delete();

create or replace trigger offers_audit
  after insert or update or delete on public.offers
  for each row execute function public.audit_row_change();

-- Row Level Security --------------------------------------------------------------------------------------------------

alter table public.offers enable row level security;

drop policy if exists offers_select_live on public.offers;
create policy offers_select_live on public.offers
  for select to anon, authenticated
  using (status = 'active'
         and deleted_at is null
         and starts_at <= now()
         and (ends_at is null or ends_at > now()));

drop policy if exists offers_select_affiliate_upcoming on public.offers;
create policy offers_select_affiliate_upcoming on public.offers
  for select to authenticated
  using ((select public.current_app_role()) = 'affiliate'
         and status = 'active'
         and deleted_at is null
         and (ends_at is null or ends_at > now()));

drop policy if exists offers_select_own on public.offers;
create policy offers_select_own on public.offers
  for select to authenticated
  using (merchant_id = (select auth.uid()));

drop policy if exists offers_select_admin on public.offers;
create policy offers_select_admin on public.offers
  for select to authenticated
  using ((select public.is_admin()));

drop policy if exists offers_insert_merchant on public.offers;
create policy offers_insert_merchant on public.offers
  for insert to authenticated
  with check (merchant_id = (select auth.uid()) and (select public.current_app_role()) = 'merchant');

drop policy if exists offers_insert_admin on public.offers;
create policy offers_insert_admin on public.offers
  for insert to authenticated
  with check ((select public.is_admin()));

drop policy if exists offers_update_merchant on public.offers;
create policy offers_update_merchant on public.offers
  for update to authenticated
  using (merchant_id = (select auth.uid()) and (select public.current_app_role()) = 'merchant')
  with check (merchant_id = (select auth.uid()) and (select public.current_app_role()) = 'merchant');

drop policy if exists offers_update_admin on public.offers;
create policy offers_update_admin on public.offers
  for update to authenticated
  using ((select public.is_admin()))
  with check ((select public.is_admin()));

-- Hard delete is an admin operation; merchants soft-delete.
drop policy if exists offers_delete_admin on public.offers;
create policy offers_delete_admin on public.offers
  for delete to authenticated
  using ((select public.is_admin()));

-- Expiry --------------------------------------------------------------------------------------------------------------

-- Marks active offers whose window has ended as expired; meant for a scheduled job (pg_cron or a backend).
-- Visibility never depends on it: an ended offer is already hidden by the policies above.
create or replace function public.expire_offers() returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  update public.offers
  set status = 'expired'
  where status = 'active'
    and ends_at is not null
    and ends_at <= now();
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

comment on function public.expire_offers() is
  'Sets status = expired on active offers whose ends_at has passed; returns how many changed. Service role only.';

revoke execute on function public.expire_offers() from public, anon, authenticated;
grant execute on function public.expire_offers() to service_role;
