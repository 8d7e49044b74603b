-- Timeliness of State reports per OHCHR region, over the reports that fell due from $year_from to
-- $year_to (and by $as_of) in the selected countries: on time, late, not submitted by $as_of, and the
-- median delay in days (submission minus due date; negative = early) of those submitted.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to; $as_of (date,
-- from tb_as_of); $bodies (treaty-body codes; empty = all).
-- Grain: one row per OHCHR region with reports due.
with sel as (
    select c.iso3, c.ohchr_region
    from selected_countries($region, $countries::varchar[], $target_ea) s
    join country c on c.iso3 = s.iso3
),
due as (
    select
        sel.ohchr_region as region,
        case when r.submitted_date <= $as_of::date then r.submitted_date end as submitted_date,
        r.due_date
    from tb_report r
    join sel on sel.iso3 = r.country_iso3
    where year(r.due_date) between $year_from and $year_to
      and r.due_date <= $as_of::date
      and (len($bodies::varchar[]) = 0 or list_contains($bodies::varchar[], r.body))
),
final as (
    select
        region,
        count(*) as reports_due,
        count(*) filter (where submitted_date <= due_date) as on_time,
        count(*) filter (where submitted_date > due_date) as late,
        count(*) - count(submitted_date) as not_submitted,
        round(100.0 * count(*) filter (where submitted_date <= due_date) / count(*), 1) as share_on_time,
        median(submitted_date - due_date) as median_delay_days
    from due
    group by region
)
select * from final order by share_on_time, region
