-- Indicator EA11.2 (hrdash/model/indicators.py): UNCT engagement activities with the human rights mechanisms recorded for
-- the country in the year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = unct_engagement rows dated in the year (any
-- activity, any mechanism); denominator null (a count); value = numerator.
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
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
