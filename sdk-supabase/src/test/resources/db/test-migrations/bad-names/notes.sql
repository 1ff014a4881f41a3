-- A name Flyway cannot read as <version>_<description>.sql: the run must fail, not skip it.
select 1;
