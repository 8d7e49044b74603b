-- What UN Country Teams did with the mechanisms, year by year, in one country or all.
-- Parameters: $country (ISO3, or null for every country), $year_from, $year_to.
-- Grain: one row per engagement record.
with final as (
    select country_iso3, year, mechanism, activity, description, source
    from unct_engagement
    where ($country::varchar is null or country_iso3 = $country::varchar)
      and year between $year_from and $year_to
)
select * from final order by country_iso3, year desc, mechanism, activity
