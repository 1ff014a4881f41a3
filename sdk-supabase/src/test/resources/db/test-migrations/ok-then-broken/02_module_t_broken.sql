create table if not exists public.t_broken (id integer primary key);
-- Fails: the whole file must roll back, t_broken included.
insert into public.no_such_table values (1);
