-- Human Rights Adviser deployments to one country (or to any country) that overlap the years.
-- Parameters: $country (ISO3, or null for every country); $year_from, $year_to (null = every year: the page
-- asks for every year once and picks its years, the export asks for the years shown).
-- Grain: one row per deployment (regional advisers, who have no country, are left out).
with final as (
    select country_iso3, start_date, end_date, funding, description, source
    from hra_deployment
    where country_iso3 is not null
      and ($country::varchar is null or country_iso3 = $country::varchar)
      and ($year_to::integer is null or year(start_date) <= $year_to::integer)
      and ($year_from::integer is null or end_date is null or year(end_date) >= $year_from::integer)
)
select * from final order by country_iso3, start_date
