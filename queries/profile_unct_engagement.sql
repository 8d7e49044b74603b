-- What UN Country Teams did with the mechanisms, year by year, in one country or all, every year (the page
-- picks its years in hrdash/profile/years.py; the export writes the rows the page shows).
-- Parameters: $country (ISO3, or null for every country).
-- Grain: one row per engagement record.
with final as (
    select country_iso3, year, mechanism, activity, description, source
    from unct_engagement
    where $country::varchar is null or country_iso3 = $country::varchar
)
select * from final order by country_iso3, year desc, mechanism, activity
