-- Indicator EA9.1 (hrdash/model/indicators.py): share of the Special Procedures communications to a country sent jointly
-- by two or more mandates.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. denominator = communications sent in the year; numerator =
-- those sent jointly; value = 100 × numerator / denominator (null when none was sent).
with events as (  -- one row per communication, in the year it was sent: 1 of 1 if it was joint
    select country_iso3, year(sent_date) as year, joint::integer as numerator, 1 as denominator
    from sp_communication
)
select * from share_of_events(events, $region, $countries::varchar[], $target_ea, $year_from, $year_to)
