-- How and when the database was built. No parameters. Grain: one row per key.
select key, value from build_info order by key
