-- Indicator EA10.2 (hrdash/model/indicators.py): share of the urgent appeals sent to a country in the year that it
-- replied to.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. denominator = urgent appeals sent in the year; numerator =
-- those replied to; value = 100 × numerator / denominator (null when none was sent).
with events as (  -- one row per urgent appeal, in the year it was sent: 1 of 1 if the State replied
    select country_iso3, year(sent_date) as year, replied::integer as numerator, 1 as denominator
    from sp_communication where type = 'urgent appeal'
)
select * from share_of_events(events, $region, $countries::varchar[], $target_ea, $year_from, $year_to)
