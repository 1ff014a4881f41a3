-- Module B: the only ways credits move.
--
--   purchase_credits(p_user_id, p_package_id, p_idempotency_key)   service role only: call it once the payment is
--                                                                   confirmed, with the payment id as the key
--   spend_credits(p_amount, p_reason, p_idempotency_key[, p_user_id]) the signed-in user, or the service role for a user
--   adjust_credits(p_user_id, p_delta, p_reason, p_idempotency_key)  admins and the service role (refunds, goodwill)
--   credit_balance([p_user_id])                                      the signed-in user, or the service role for a user
--
-- Each movement locks the user's credit_balances row, so the movements of one user run one at a time and the
-- balance never goes below zero. A repeated idempotency key returns the row the first call wrote, unchanged, as
-- long as the request is the same; otherwise it fails. Errors a client can act on use dedicated SQLSTATEs, which
-- PostgREST answers with HTTP 400:
--   RLC01 insufficient credits, RLC02 idempotency key already used for a different request,
--   RLC03 package not available; 22023 invalid argument; 42501 not allowed.

-- Who the movement is for: the signed-in user, or, when nobody is signed in (the service role or a direct database
-- connection; anon has no EXECUTE), the user named by the caller.
create or replace function public.credits_target_user(p_user_id uuid) returns uuid
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_uid uuid := auth.uid();
begin
  if v_uid is not null then
    if p_user_id is not null and p_user_id <> v_uid then
      raise exception 'credits: a signed-in user can only use their own credits' using errcode = '42501';
    end if;
    return v_uid;
  end if;
  if p_user_id is null then
    raise exception 'credits: p_user_id is required when no user is signed in' using errcode = '22023';
  end if;
  return p_user_id;
end
$$;

-- The one place a movement is written. p_delta is ignored for purchases (the package decides).
create or replace function public.credits_post(
  p_user_id uuid,
  p_kind text,
  p_delta integer,
  p_package_id uuid,
  p_reason text,
  p_idempotency_key text
) returns public.credits_transactions
language plpgsql security definer
set search_path = ''
as $$
declare
  v_balance integer;
  v_existing public.credits_transactions;
  v_package public.credits_packages;
  v_delta integer := p_delta;
  v_reason text := btrim(p_reason);
  v_row public.credits_transactions;
begin
  if p_idempotency_key is null or btrim(p_idempotency_key) = '' or length(p_idempotency_key) > 255 then
    raise exception 'credits: p_idempotency_key must be 1 to 255 characters' using errcode = '22023';
  end if;

  -- The balance row is the per-user lock; it is created on the user's first movement.
  insert into public.credit_balances (user_id) values (p_user_id) on conflict (user_id) do nothing;
  select b.balance into v_balance from public.credit_balances b where b.user_id = p_user_id for update;

  select * into v_existing from public.credits_transactions t where t.idempotency_key = p_idempotency_key;
  if found then
    if v_existing.user_id = p_user_id
       and v_existing.kind = p_kind
       and (case when p_kind = 'purchase' then v_existing.package_id = p_package_id
                 else v_existing.delta = p_delta and v_existing.reason = v_reason end) then
      return v_existing;
    end if;
    raise exception 'credits: idempotency key already used for a different request'
      using errcode = 'RLC02', hint = 'Use a new idempotency key for a new operation.';
  end if;

  if p_kind = 'purchase' then
    select * into v_package from public.credits_packages p where p.id = p_package_id;
    if not found or not v_package.active then
      raise exception 'credits: package % is not available', p_package_id using errcode = 'RLC03';
    end if;
    v_delta := v_package.credits;
    v_reason := 'purchase: ' || v_package.name;
  end if;

  if v_balance + v_delta < 0 then
    raise exception 'insufficient credits'
      using errcode = 'RLC01', detail = format('balance %s, requested %s', v_balance, -v_delta);
  end if;

  update public.credit_balances
  set balance = v_balance + v_delta
  where user_id = p_user_id;

  begin
    insert into public.credits_transactions (user_id, package_id, kind, delta, balance_after, reason, idempotency_key)
    values (p_user_id, p_package_id, p_kind, v_delta, v_balance + v_delta, v_reason, p_idempotency_key)
    returning * into v_row;
  exception
    when unique_violation then
      -- Another user's movement took the same key concurrently.
      raise exception 'credits: idempotency key already used for a different request'
        using errcode = 'RLC02', hint = 'Use a new idempotency key for a new operation.';
  end;
  return v_row;
end
$$;

revoke execute on function public.credits_target_user(uuid) from public, anon, authenticated, service_role;
revoke execute on function public.credits_post(uuid, text, integer, uuid, text, text)
  from public, anon, authenticated, service_role;

-- Public entry points -------------------------------------------------------------------------------------------------

create or replace function public.purchase_credits(
  p_user_id uuid,
  p_package_id uuid,
  p_idempotency_key text
) returns public.credits_transactions
language plpgsql security definer
set search_path = ''
as $$
begin
  if auth.uid() is not null then
    raise exception 'credits: purchases are recorded by the payment backend (service role), not by users'
      using errcode = '42501';
  end if;
  if p_user_id is null or p_package_id is null then
    raise exception 'credits: p_user_id and p_package_id are required' using errcode = '22023';
  end if;
  return public.credits_post(p_user_id, 'purchase', null, p_package_id, null, p_idempotency_key);
end
$$;

comment on function public.purchase_credits(uuid, uuid, text) is
  'Credits a user with an active package once its payment is confirmed. Service role only. Replays the first '
  'result for a repeated key (use the payment id).';

create or replace function public.spend_credits(
  p_amount integer,
  p_reason text,
  p_idempotency_key text,
  p_user_id uuid default null
) returns public.credits_transactions
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user uuid := public.credits_target_user(p_user_id);
begin
  if p_amount is null or p_amount <= 0 then
    raise exception 'credits: p_amount must be a positive number of credits' using errcode = '22023';
  end if;
  if p_reason is null or btrim(p_reason) = '' then
    raise exception 'credits: p_reason is required' using errcode = '22023';
  end if;
  return public.credits_post(v_user, 'spend', -p_amount, null, p_reason, p_idempotency_key);
end
$$;

comment on function public.spend_credits(integer, text, text, uuid) is
  'Spends credits of the signed-in user (or, for the service role, of p_user_id); refuses to overdraw (RLC01).';

create or replace function public.adjust_credits(
  p_user_id uuid,
  p_delta integer,
  p_reason text,
  p_idempotency_key text
) returns public.credits_transactions
language plpgsql security definer
set search_path = ''
as $$
begin
  if auth.uid() is not null and not public.is_admin() then
    raise exception 'credits: only an admin can adjust credits' using errcode = '42501';
  end if;
  if p_user_id is null then
    raise exception 'credits: p_user_id is required' using errcode = '22023';
  end if;
  if p_delta is null or p_delta = 0 then
    raise exception 'credits: p_delta must not be zero' using errcode = '22023';
  end if;
  if p_reason is null or btrim(p_reason) = '' then
    raise exception 'credits: p_reason is required' using errcode = '22023';
  end if;
  return public.credits_post(p_user_id, 'adjustment', p_delta, null, p_reason, p_idempotency_key);
end
$$;

comment on function public.adjust_credits(uuid, integer, text, text) is
  'Adds or removes credits for a user (refund, goodwill, correction); admins and the service role; never below zero.';

create or replace function public.credit_balance(p_user_id uuid default null) returns integer
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_user uuid := public.credits_target_user(p_user_id);
begin
  return coalesce((select b.balance from public.credit_balances b where b.user_id = v_user), 0);
end
$$;

comment on function public.credit_balance(uuid) is
  'Current credits of the signed-in user (or, for the service role, of p_user_id); 0 before any movement.';

revoke execute on function public.purchase_credits(uuid, uuid, text) from public, anon, authenticated;
grant execute on function public.purchase_credits(uuid, uuid, text) to service_role;

revoke execute on function public.spend_credits(integer, text, text, uuid) from public, anon;
grant execute on function public.spend_credits(integer, text, text, uuid) to authenticated, service_role;

revoke execute on function public.adjust_credits(uuid, integer, text, text) from public, anon;
grant execute on function public.adjust_credits(uuid, integer, text, text) to authenticated, service_role;

revoke execute on function public.credit_balance(uuid) from public, anon;
grant execute on function public.credit_balance(uuid) to authenticated, service_role;
