-- Timeliness of State reports by the year they fell due ($year_from to $year_to), in the selected
-- countries: how many were submitted by their due date, late, or not at all by $as_of, and the median
-- delay (submission minus due date, in days; negative = early) of those submitted by $as_of.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to; $as_of (date,
-- from tb_as_of: reports due after it are left out); $bodies (treaty-body codes; empty = all).
-- Grain: one row per year the reports fell due (years without reports are kept, with zeros).
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
years as (
    select range as year from range($year_from, $year_to + 1)
),
due as (
    select
        year(due_date) as year,
        case when submitted_date <= $as_of::date then submitted_date end as submitted_date,
        due_date
    from tb_report
    where country_iso3 in (select iso3 from sel)
      and year(due_date) between $year_from and $year_to
      and due_date <= $as_of::date
      and (len($bodies::varchar[]) = 0 or list_contains($bodies::varchar[], body))
),
final as (
    select
        y.year,
        count(d.due_date) as reports_due,
        count(*) filter (where d.submitted_date <= d.due_date) as on_time,
        count(*) filter (where d.submitted_date > d.due_date) as late,
        count(d.due_date) - count(d.submitted_date) as not_submitted,
        round(100.0 * count(*) filter (where d.submitted_date <= d.due_date) / nullif(count(d.due_date), 0), 1)
            as share_on_time,
        median(d.submitted_date - d.due_date) as median_delay_days
    from years y
    left join due d on d.year = y.year
    group by y.year
)
select * from final order by year
