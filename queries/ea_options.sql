-- The expected accomplishments, for the target-country filter. No parameters. Grain: one row per EA.
select code, short_name, statement, (select count(distinct country_iso3) from ea_target t where t.ea_code = ea.code) as target_countries
from ea
order by cast(substr(code, 3) as integer)
