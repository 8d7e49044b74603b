-- Indicator EA11.2 (hrdash/model/indicators.py): UNCT engagement activities with the human rights mechanisms recorded for
-- the country in the year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = unct_engagement rows dated in the year (any
-- activity, any mechanism); denominator null (a count); value = numerator.
with events as (  -- one row per UNCT engagement activity
    select country_iso3, year, 1 as numerator
    from unct_engagement
)
select * from count_events(events, $region, $countries::varchar[], $target_ea, $year_from, $year_to)
