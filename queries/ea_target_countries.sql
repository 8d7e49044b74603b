-- Every country a seed names as a target of each EA. No parameters. Grain: one row per EA.
select ea_code, list(distinct country_iso3 order by country_iso3) as countries
from ea_target
group by ea_code
order by ea_code
