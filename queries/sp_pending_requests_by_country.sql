-- The backlog of Special Procedures visit requests per selected country: requests made up to the end of the
-- selected "to" year that have not led to a visit, by status, and the age of the oldest one at that date.
-- "Not yet accepted" = requested (awaiting an answer), no reply or postponed; "accepted, no visit yet" is shown
-- beside them. Statuses are the latest known (the data hold no status history).
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row per selected country with at least one request not yet accepted or not yet visited.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
open_requests as (
    select v.country_iso3, v.status, v.request_date
    from sp_visit v join sel on sel.iso3 = v.country_iso3
    where v.status in ('requested', 'no reply', 'postponed', 'accepted')
      and v.request_date <= make_date($year_to, 12, 31)
),
counted as (
    select
        country_iso3,
        count(*) filter (where status = 'requested') as requested,
        count(*) filter (where status = 'no reply') as no_reply,
        count(*) filter (where status = 'postponed') as postponed,
        count(*) filter (where status <> 'accepted') as not_yet_accepted,
        count(*) filter (where status = 'accepted') as accepted_not_visited,
        min(request_date) filter (where status <> 'accepted') as oldest_request
    from open_requests
    group by 1
),
final as (
    select
        c.name, c.iso3, c.ohchr_region, n.not_yet_accepted, n.requested, n.no_reply, n.postponed,
        n.accepted_not_visited, n.oldest_request,
        round(date_diff('day', n.oldest_request, make_date($year_to, 12, 31)) / 365.25, 1) as oldest_age_years
    from counted n join country c on c.iso3 = n.country_iso3
)
select * from final order by not_yet_accepted desc, oldest_request, name
