-- What UN Country Teams did with the mechanisms, year by year, in one country or all.
-- Parameters: $country (ISO3, or null for every country); $year_from, $year_to (null = every year: the page
-- asks for every year once and picks its years, the export asks for the years shown).
-- Grain: one row per engagement record.
with final as (
    select country_iso3, year, mechanism, activity, description, source
    from unct_engagement
    where ($country::varchar is null or country_iso3 = $country::varchar)
      and ($year_from::integer is null or year >= $year_from::integer)
      and ($year_to::integer is null or year <= $year_to::integer)
)
select * from final order by country_iso3, year desc, mechanism, activity
