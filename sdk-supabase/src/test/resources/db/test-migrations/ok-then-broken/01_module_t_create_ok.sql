create table if not exists public.t_ok (id integer primary key);
insert into public.t_ok values (1);
