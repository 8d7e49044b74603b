-- Indicator EA11.2 (hrdash/model/indicators.py): UNCT engagement activities with the human rights mechanisms recorded for
-- the country in the year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = unct_engagement rows dated in the year (any
-- activity, any mechanism); denominator null (a count); value = numerator.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
years as (
    select unnest(range($year_from::integer, $year_to::integer + 1))::integer as year
),
spine as (
    select c.iso3 as country_iso3, c.name as country, y.year
    from country c join sel on sel.iso3 = c.iso3 cross join years y
),
final as (
    select
        s.country_iso3, s.country, s.year,
        count(u.id) as numerator,
        null::bigint as denominator,
        (count(u.id))::double as value
    from spine s
    left join unct_engagement u on u.country_iso3 = s.country_iso3 and u.year = s.year
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
