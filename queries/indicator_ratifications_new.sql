-- Indicator EA2.3 (hrdash/model/indicators.py): ratifications, accessions and successions made in each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = instruments whose consent date falls in the year;
-- denominator null (a count); value = numerator.
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
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
