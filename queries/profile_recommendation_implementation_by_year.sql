-- Recommendations of every mechanism by implementation status where known, per year, for one country or all
-- (the profile sums the years it shows, so a change of years needs no query).
-- Parameters: $country (ISO3, or null for every country).
-- Grain: one row per country × mechanism × year with recommendations.
with final as (
    select
        country_iso3,
        mechanism,
        year(rec_date) as year,
        count(*) filter (where implementation = 'fully implemented') as fully_implemented,
        count(*) filter (where implementation = 'partially implemented') as partially_implemented,
        count(*) filter (where implementation = 'not implemented') as not_implemented,
        count(*) filter (where implementation is null) as status_unknown,
        count(*) as recommendations
    from recommendation
    where $country::varchar is null or country_iso3 = $country::varchar
    group by country_iso3, mechanism, year(rec_date)
)
select * from final order by country_iso3, mechanism, year
