-- Indicator EA11.3 (hrdash/model/indicators.py): UNCT activities that integrate the mechanisms' recommendations into the
-- UN's work — follow-up plans, joint programmes and recommendations in the UNDAF — per country and year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = unct_engagement rows of those three activities
-- dated in the year; denominator null (a count); value = numerator.
with events as (  -- the activities that take recommendations into the UN's own work
    select country_iso3, year, 1 as numerator
    from unct_engagement where activity in ('follow-up plan', 'joint programme', 'recommendations in UNDAF')
)
select * from count_events(events, $region, $countries::varchar[], $target_ea, $year_from, $year_to)
