-- Dated, cited events in words (e.g. a UNCT's follow-up of a visit) about one country or all.
-- Parameters: $country (ISO3, or null for every country), $year_from, $year_to.
-- Grain: one row per story.
with final as (
    select country_iso3, year, mechanism, text, source
    from story
    where ($country::varchar is null or country_iso3 = $country::varchar)
      and year between $year_from and $year_to
)
select * from final order by country_iso3, year desc, source
