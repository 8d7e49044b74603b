-- The profile's headline measures for every country: its key figures and the regional comparison.
-- One query for all countries (cached per range of years), so that choosing another country, or a
-- country of another region, needs no new scan. Parameters: $year_from, $year_to.
-- Grain: one row per country. As-of measures use 31 December of $year_to; counts use the years.
with as_of as (
    select make_date($year_to, 12, 31) as d
),
countries as (
    select iso3, name, ohchr_region from country
),
ratified as (
    select r.country_iso3, count(*) as n, count(*) filter (where r.reservations) as with_reservations
    from ratification r, as_of a
    where r.consent_date <= a.d
    group by 1
),
overdue as (
    select t.country_iso3, count(*) as n
    from tb_report t, as_of a
    where t.due_date <= a.d and (t.submitted_date is null or t.submitted_date > a.d)
    group by 1
),
visits as (
    select
        v.country_iso3,
        count(*) filter (where v.status = 'completed' and year(v.start_date) between $year_from and $year_to)
            as completed,
        count(*) filter (where v.status in ('requested', 'no reply') and v.request_date <= a.d) as pending,
        min(v.request_date) filter (where v.status in ('requested', 'no reply') and v.request_date <= a.d)
            as oldest_pending
    from sp_visit v, as_of a
    group by 1
),
comms as (
    select country_iso3, count(*) as n, count(*) filter (where replied) as replied
    from sp_communication
    where year(sent_date) between $year_from and $year_to
    group by 1
),
recs as (
    select
        country_iso3,
        count(*) as n,
        count(*) filter (where response = 'supported') as supported,
        count(*) filter (where response = 'noted') as noted
    from recommendation
    where mechanism = 'UPR' and year(rec_date) between $year_from and $year_to
    group by 1
),
subs as (
    select country_iso3, sum(count) as n
    from stakeholder_submission
    where year between $year_from and $year_to
    group by 1
),
final as (
    select
        g.iso3,
        g.name,
        g.ohchr_region,
        coalesce(ratified.n, 0) as instruments_ratified,
        coalesce(ratified.with_reservations, 0) as with_reservations,
        coalesce(overdue.n, 0) as reports_overdue,
        coalesce(visits.completed, 0) as visits_completed,
        coalesce(visits.pending, 0) as requests_pending,
        visits.oldest_pending,
        coalesce(comms.n, 0) as communications,
        coalesce(comms.replied, 0) as communications_replied,
        100.0 * comms.replied / nullif(comms.n, 0) as reply_rate,
        coalesce(recs.n, 0) as upr_recommendations,
        coalesce(recs.supported, 0) as upr_supported,
        coalesce(recs.noted, 0) as upr_noted,
        100.0 * recs.supported / nullif(recs.n, 0) as supported_share,
        coalesce(subs.n, 0)::integer as submissions
    from countries g
    left join ratified on ratified.country_iso3 = g.iso3
    left join overdue on overdue.country_iso3 = g.iso3
    left join visits on visits.country_iso3 = g.iso3
    left join comms on comms.country_iso3 = g.iso3
    left join recs on recs.country_iso3 = g.iso3
    left join subs on subs.country_iso3 = g.iso3
)
select * from final order by name
