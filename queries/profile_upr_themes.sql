-- The ten themes with most UPR recommendations, by response, for one country or each country.
-- Parameters: $country (ISO3, or null for every country), $year_from, $year_to.
-- Grain: one row per country × theme (at most 10 a country), most recommendations first; a
-- recommendation with several themes counts under each.
with recs as (
    select country_iso3, unnest(themes) as theme, response
    from recommendation
    where ($country::varchar is null or country_iso3 = $country::varchar)
      and mechanism = 'UPR' and year(rec_date) between $year_from and $year_to
),
counted as (
    select
        country_iso3,
        theme,
        count(*) filter (where response = 'supported') as supported,
        count(*) filter (where response = 'noted') as noted,
        count(*) filter (where response = 'pending') as pending,
        count(*) as recommendations
    from recs
    group by country_iso3, theme
),
final as (
    select *
    from counted
    qualify row_number() over (partition by country_iso3 order by recommendations desc, theme) <= 10
)
select * from final order by country_iso3, recommendations desc, theme
