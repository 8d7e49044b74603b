-- Indicator EA2.3 (hrdash/model/indicators.py): ratifications, accessions and successions made in each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = instruments whose consent date falls in the year;
-- denominator null (a count); value = numerator.
with events as (  -- one row per consent, in its year
    select country_iso3, year(consent_date) as year, 1 as numerator
    from ratification
)
select * from count_events(events, $region, $countries::varchar[], $target_ea, $year_from, $year_to)
