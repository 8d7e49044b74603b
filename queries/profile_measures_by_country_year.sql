-- The profile's headline measures as counts per country and year, for every country: the page adds them up
-- for the years it shows (hrdash/profile/years.py: measures), so a change of years needs no query.
-- Parameters: none. Grain: one row per country (ISO3, name, OHCHR region) × year with any count (the year of each event: consent,
-- visit, request, communication, recommendation, submission; a denunciation counts -1 ratified), plus one row per country with year null
-- (every country appears, also one with no events). Overdue reports: a report is overdue at the end of
-- each year from the year it fell due until the year before it was submitted, so `overdue_from` counts
-- the reports overdue at the end of their due year and `overdue_until` those submitted in a later year;
-- overdue at the end of year Y = sum over years <= Y of overdue_from - overdue_until.
with events as (
    select country_iso3, year(consent_date) as year, 1 as ratified, coalesce(reservations::int, 0) as with_reservations,
           0 as overdue_from, 0 as overdue_until, 0 as visits_completed, 0 as requests_pending,
           null::date as oldest_pending, 0 as communications, 0 as communications_replied,
           0 as upr_recommendations, 0 as upr_supported, 0 as upr_noted, 0 as submissions
    from ratification where consent_date is not null
    union all
    -- a denunciation undoes the consent from its year on (not a party from denounced_date)
    select country_iso3, year(denounced_date), -1, -coalesce(reservations::int, 0), 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0
    from ratification where denounced_date is not null
    union all
    select country_iso3, year(due_date), 0, 0,
           (submitted_date is null or year(submitted_date) > year(due_date))::int, 0, 0, 0, null, 0, 0, 0, 0, 0, 0
    from tb_report
    union all
    select country_iso3, year(submitted_date), 0, 0, 0, 1, 0, 0, null, 0, 0, 0, 0, 0, 0
    from tb_report where year(submitted_date) > year(due_date)
    union all
    select country_iso3, year(start_date), 0, 0, 0, 0, 1, 0, null, 0, 0, 0, 0, 0, 0
    from sp_visit where status = 'completed'
    union all
    select country_iso3, year(request_date), 0, 0, 0, 0, 0, 1, request_date, 0, 0, 0, 0, 0, 0
    from sp_visit where status in ('requested', 'no reply')
    union all
    select country_iso3, year(sent_date), 0, 0, 0, 0, 0, 0, null, 1, replied::int, 0, 0, 0, 0
    from sp_communication
    union all
    select country_iso3, year(rec_date), 0, 0, 0, 0, 0, 0, null, 0, 0, 1, (response = 'supported')::int,
           (response = 'noted')::int, 0
    from recommendation where mechanism = 'UPR'
    union all
    select country_iso3, year, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, count
    from stakeholder_submission
),
counted as (
    select
        country_iso3, year,
        sum(ratified)::bigint as ratified,
        sum(with_reservations)::bigint as with_reservations,
        sum(overdue_from)::bigint as overdue_from,
        sum(overdue_until)::bigint as overdue_until,
        sum(visits_completed)::bigint as visits_completed,
        sum(requests_pending)::bigint as requests_pending,
        min(oldest_pending) as oldest_pending,
        sum(communications)::bigint as communications,
        sum(communications_replied)::bigint as communications_replied,
        sum(upr_recommendations)::bigint as upr_recommendations,
        sum(coalesce(upr_supported, 0))::bigint as upr_supported,
        sum(coalesce(upr_noted, 0))::bigint as upr_noted,
        sum(submissions)::bigint as submissions
    from events
    group by country_iso3, year
    union all
    select iso3, null, 0, 0, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0 from country
),
final as (
    select c.iso3, c.name, c.ohchr_region, m.* exclude (country_iso3)
    from counted m
    join country c on c.iso3 = m.country_iso3
)
select * from final order by iso3, year
