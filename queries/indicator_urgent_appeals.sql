-- Indicator EA10.1 (hrdash/model/indicators.py): urgent appeals sent by the Special Procedures to a country per year — the
-- mechanisms' early-warning function in use.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = communications of type 'urgent appeal' sent in the
-- year; denominator null (a count); value = numerator.
with events as (  -- one row per urgent appeal, in the year it was sent
    select country_iso3, year(sent_date) as year, 1 as numerator
    from sp_communication where type = 'urgent appeal'
)
select * from count_events(events, $region, $countries::varchar[], $target_ea, $year_from, $year_to)
