create table if not exists public.t_first (id integer primary key);
