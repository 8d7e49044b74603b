-- Indicator EA6.3 (hrdash/model/indicators.py): treaty-body reports overdue at the end of each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = reports due on or before 31 December and not
-- submitted by then; denominator null (a count); value = numerator.
with events as (  -- a report is overdue at the end of each year from its due year until the year before its submission
    select country_iso3, unnest(range(year(due_date), coalesce(year(submitted_date), $year_to + 1))) as year,
           1 as numerator
    from tb_report
)
select * from count_events(events, $region, $countries::varchar[], $target_ea, $year_from, $year_to)
