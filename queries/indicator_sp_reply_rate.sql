-- Indicator EA6.6 (hrdash/model/indicators.py): share of the Special Procedures communications sent in the year that the
-- country replied to.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. denominator = communications sent in the year; numerator =
-- those replied to; value = 100 × numerator / denominator (null when none was sent).
with events as (  -- one row per communication, in the year it was sent: 1 of 1 if the State replied
    select country_iso3, year(sent_date) as year, replied::integer as numerator, 1 as denominator
    from sp_communication
)
select * from share_of_events(events, $region, $countries::varchar[], $target_ea, $year_from, $year_to)
