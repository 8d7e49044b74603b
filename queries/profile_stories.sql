-- Dated, cited events in words (e.g. a UNCT's follow-up of a visit) about one country or all, every year
-- (the profile picks its years from this, so a change of years needs no query).
-- Parameters: $country (ISO3, or null for every country).
-- Grain: one row per story.
with final as (
    select country_iso3, year, mechanism, text, source
    from story
    where $country::varchar is null or country_iso3 = $country::varchar
)
select * from final order by country_iso3, year desc, source
