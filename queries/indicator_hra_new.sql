-- Indicator EA11.5 (hrdash/model/indicators.py): Human Rights Advisers newly deployed to the country's UNCT in the year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = deployments to the country whose start date falls
-- in the year; denominator null (a count); value = numerator. Regional advisers have no country and are not
-- counted here (the UNCT page shows them).
with events as (  -- one row per deployment to a country, in the year it started
    select country_iso3, year(start_date) as year, 1 as numerator
    from hra_deployment
)
select * from count_events(events, $region, $countries::varchar[], $target_ea, $year_from, $year_to)
