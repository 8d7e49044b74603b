-- Indicator EA6.5 (hrdash/model/indicators.py): share of the Special Procedures visit requests made in the year that the
-- country accepted.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. denominator = requests dated in the year that have an outcome
-- (every status except 'requested', which is still awaiting an answer); numerator = those accepted or
-- completed; value = 100 × numerator / denominator (null when there was no such request).
with events as (  -- one row per answered visit request, in the year it was made: 1 of 1 if accepted
    select country_iso3, year(request_date) as year, (status in ('accepted', 'completed'))::integer as numerator,
           1 as denominator
    from sp_visit where status <> 'requested'
)
select * from share_of_events(events, $region, $countries::varchar[], $target_ea, $year_from, $year_to)
