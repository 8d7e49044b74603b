-- Human Rights Adviser deployments to one country (or to any country), every one (the page keeps those that
-- overlap its years in hrdash/profile/years.py: hra; the export writes the rows the page shows).
-- Parameters: $country (ISO3, or null for every country).
-- Grain: one row per deployment (regional advisers, who have no country, are left out).
with final as (
    select country_iso3, start_date, end_date, funding, description, source
    from hra_deployment
    where country_iso3 is not null
      and ($country::varchar is null or country_iso3 = $country::varchar)
)
select * from final order by country_iso3, start_date
