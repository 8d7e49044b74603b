-- Indicator EA7.1 (hrdash/model/indicators.py): submissions by NHRIs and civil society to the UPR and the treaty bodies
-- about a country, per year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = sum of stakeholder_submission.count in the year
-- (all mechanisms and submitter types); denominator null (a count); value = numerator.
with events as (  -- one row per country, mechanism, year and submitter type: its number of submissions
    select country_iso3, year, count as numerator
    from stakeholder_submission
)
select * from count_events(events, $region, $countries::varchar[], $target_ea, $year_from, $year_to)
