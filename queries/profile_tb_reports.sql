-- Treaty-body reporting per body, as of 31 December of $year_to, for one country or all.
-- Parameters: $country (ISO3, or null for every country), $year_to.
-- Grain: one row per country × treaty body the country has a report for.
-- Overdue = due by the as-of date and not submitted by then (as in indicators_by_country.sql);
-- next due = the earliest report due after the as-of date (null when the data has none).
with as_of as (
    select make_date($year_to, 12, 31) as d
),
reports as (
    select
        t.*,
        a.d,
        t.due_date <= a.d and (t.submitted_date is null or t.submitted_date > a.d) as overdue,
        coalesce(t.submitted_date <= a.d, false) as submitted
    from tb_report t
    cross join as_of a
    where $country::varchar is null or t.country_iso3 = $country::varchar
),
final as (
    select
        country_iso3,
        body,
        count(*) filter (where submitted and submitted_date <= due_date) as submitted_on_time,
        count(*) filter (where submitted and submitted_date > due_date) as submitted_late,
        count(*) filter (where overdue) as overdue,
        min(due_date) filter (where overdue) as overdue_since,
        min(due_date) filter (where due_date > d) as next_due,
        max(submitted_date) filter (where submitted) as last_submitted,
        max(reviewed_date) filter (where reviewed_date <= d) as last_reviewed,
        string_agg(distinct source, ', ' order by source) as source
    from reports
    group by country_iso3, body
    having count(*) filter (where due_date <= d or submitted) > 0
)
select * from final order by country_iso3, overdue desc, body
