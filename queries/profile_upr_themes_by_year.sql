-- UPR recommendations per theme and year, by response, for one country or all (the profile sums the years it
-- shows and keeps the ten largest themes, so a change of years needs no query).
-- Parameters: $country (ISO3, or null for every country).
-- Grain: one row per country × theme × year; a recommendation with several themes counts under each.
with recs as (
    select country_iso3, year(rec_date) as year, unnest(themes) as theme, response
    from recommendation
    where ($country::varchar is null or country_iso3 = $country::varchar) and mechanism = 'UPR'
),
final as (
    select
        country_iso3,
        theme,
        year,
        count(*) filter (where response = 'supported') as supported,
        count(*) filter (where response = 'noted') as noted,
        count(*) filter (where response = 'pending') as pending,
        count(*) as recommendations
    from recs
    group by country_iso3, theme, year
)
select * from final order by country_iso3, theme, year
