-- Module B: the credit ledger (public.credits_transactions) and each user's running balance (public.credit_balances).
--
-- Nobody writes either table directly, the service role included: every movement goes through purchase_credits,
-- spend_credits or adjust_credits (06_module_b_credits_functions.sql), which lock the user's balance row, refuse to
-- overdraw and replay the first result for a repeated idempotency key. Ledger rows are permanent. user_id has no
-- foreign key on purpose: the ledger must outlive the account.

create table if not exists public.credits_transactions (
  id bigint generated always as identity primary key,
  user_id uuid not null,
  package_id uuid references public.credits_packages (id),
  kind text not null
    constraint credits_transactions_kind_check check (kind in ('purchase', 'spend', 'adjustment')),
  delta integer not null
    constraint credits_transactions_delta_check check (delta <> 0),
  balance_after integer not null
    constraint credits_transactions_balance_check check (balance_after >= 0),
  reason text not null
    constraint credits_transactions_reason_check check (btrim(reason) <> '' and length(reason) <= 500),
  idempotency_key text not null
    constraint credits_transactions_idempotency_key_check check (btrim(idempotency_key) <> '' and length(idempotency_key) <= 255),
  created_at timestamptz not null default now(),
  constraint credits_transactions_idempotency_key_key unique (idempotency_key),
  constraint credits_transactions_purchase_check check ((kind = 'purchase') = (package_id is not null)),
  constraint credits_transactions_sign_check check (kind = 'adjustment' or (kind = 'purchase') = (delta > 0))
);

comment on table public.credits_transactions is
  'Module B. Credit ledger, one row per movement; written only by purchase_credits, spend_credits and '
  'adjust_credits; rows are permanent. See docs/DATABASE.md.';

create index if not exists credits_transactions_user_id_idx on public.credits_transactions (user_id, id desc);
create index if not exists credits_transactions_package_id_idx
  on public.credits_transactions (package_id) where package_id is not null;

create table if not exists public.credit_balances (
  user_id uuid primary key,
  balance integer not null default 0
    constraint credit_balances_balance_check check (balance >= 0),
  updated_at timestamptz not null default now()
);

comment on table public.credit_balances is
  'Module B. Current credit balance per user, equal to the sum of their ledger deltas; its row is the lock that '
  'serialises the movements of one user.';

create or replace trigger credit_balances_set_updated_at
  before update on public.credit_balances
  for each row execute function public.set_updated_at();

-- Writes only through the credit functions (SECURITY DEFINER) -------------------------------------------------------

revoke insert, update, delete, truncate on public.credits_transactions from public, anon, authenticated, service_role;
revoke insert, update, delete, truncate on public.credit_balances from public, anon, authenticated, service_role;

create or replace trigger credits_transactions_no_update_delete
  before update or delete on public.credits_transactions
  for each row execute function public.forbid_modification();

create or replace trigger credits_transactions_no_truncate
  before truncate on public.credits_transactions
  for each statement execute function public.forbid_modification();

create or replace trigger credit_balances_no_delete
  before delete on public.credit_balances
  for each row execute function public.forbid_modification();

create or replace trigger credit_balances_no_truncate
  before truncate on public.credit_balances
  for each statement execute function public.forbid_modification();

-- Row Level Security --------------------------------------------------------------------------------------------------

alter table public.credits_transactions enable row level security;
alter table public.credit_balances enable row level security;

drop policy if exists credits_transactions_select_own on public.credits_transactions;
create policy credits_transactions_select_own on public.credits_transactions
  for select to authenticated
  using (user_id = (select auth.uid()));

drop policy if exists credits_transactions_select_admin on public.credits_transactions;
create policy credits_transactions_select_admin on public.credits_transactions
  for select to authenticated
  using ((select public.is_admin()));

drop policy if exists credit_balances_select_own on public.credit_balances;
create policy credit_balances_select_own on public.credit_balances
  for select to authenticated
  using (user_id = (select auth.uid()));

drop policy if exists credit_balances_select_admin on public.credit_balances;
create policy credit_balances_select_admin on public.credit_balances
  for select to authenticated
  using ((select public.is_admin()));
