create table if not exists public.t_second (id integer primary key);
