-- Indicator EA11.5 (hrdash/model/indicators.py): Human Rights Advisers newly deployed to the country's UNCT in the year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = deployments to the country whose start date falls
-- in the year; denominator null (a count); value = numerator. Regional advisers have no country and are not
-- counted here (the UNCT page shows them).
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select
        s.country_iso3, s.country, s.year,
        count(h.id) as numerator,
        null::bigint as denominator,
        (count(h.id))::double as value
    from spine s
    left join hra_deployment h on h.country_iso3 = s.country_iso3 and year(h.start_date) = s.year
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
