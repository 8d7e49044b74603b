-- Indicator EA2.3 (hrdash/model/indicators.py): ratifications, accessions and successions made in each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = instruments whose consent date falls in the year;
-- denominator null (a count); value = numerator.
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
        count(r.instrument) as numerator,
        null::bigint as denominator,
        (count(r.instrument))::double as value
    from spine s
    left join ratification r on r.country_iso3 = s.country_iso3 and year(r.consent_date) = s.year
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
