-- Human Rights Adviser deployments to one country (or to any country) that overlap the years.
-- Parameters: $country (ISO3, or null for every country), $year_from, $year_to.
-- Grain: one row per deployment (regional advisers, who have no country, are left out).
with final as (
    select country_iso3, start_date, end_date, funding, description, source
    from hra_deployment
    where country_iso3 is not null
      and ($country::varchar is null or country_iso3 = $country::varchar)
      and year(start_date) <= $year_to
      and (end_date is null or year(end_date) >= $year_from)
)
select * from final order by country_iso3, start_date
