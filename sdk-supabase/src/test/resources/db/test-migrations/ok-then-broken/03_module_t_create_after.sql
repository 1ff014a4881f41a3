create table if not exists public.t_after (id integer primary key);
