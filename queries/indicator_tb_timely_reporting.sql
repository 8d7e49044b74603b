-- Indicator EA6.2 (hrdash/model/indicators.py): share of treaty-body reports due in the year that were submitted by
-- their due date.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. denominator = reports whose due date falls in the year;
-- numerator = those submitted on or before the due date; value = 100 × numerator / denominator (null when
-- no report was due).
with events as (  -- one row per report, in the year it fell due: 1 of 1 if submitted by its due date
    select country_iso3, year(due_date) as year, coalesce(submitted_date <= due_date, false)::integer as numerator,
           1 as denominator
    from tb_report
)
select * from share_of_events(events, $region, $countries::varchar[], $target_ea, $year_from, $year_to)
