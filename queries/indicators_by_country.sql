-- Per-country indicators for the world map, over the selected years.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per selected country.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
ratified as (
    select country_iso3, count(*) as n
    from ratification
    where party_on(consent_date, denounced_date, make_date($year_to, 12, 31))
    group by 1
),
visits as (
    select country_iso3, count(*) as n
    from sp_visit
    where status = 'completed' and year(start_date) between $year_from and $year_to
    group by 1
),
comms as (
    select country_iso3, count(*) as n, count(*) filter (where type = 'urgent appeal') as urgent
    from sp_communication
    where year(sent_date) between $year_from and $year_to
    group by 1
),
overdue as (
    select country_iso3, count(*) as n
    from tb_report
    where due_date <= make_date($year_to, 12, 31)
      and (submitted_date is null or submitted_date > make_date($year_to, 12, 31))
    group by 1
),
recs as (
    select country_iso3, count(*) as n
    from recommendation
    where mechanism = 'UPR' and year(rec_date) between $year_from and $year_to
    group by 1
),
final as (
    select
        c.iso3, c.name, c.ohchr_region,
        coalesce(ratified.n, 0) as instruments_ratified,
        coalesce(overdue.n, 0) as reports_overdue,
        coalesce(visits.n, 0) as sp_visits,
        coalesce(comms.n, 0) as sp_communications,
        coalesce(comms.urgent, 0) as urgent_appeals,
        coalesce(recs.n, 0) as upr_recommendations,
        exists (select 1 from standing_invitation s
                where s.country_iso3 = c.iso3 and year(s.extended_date) <= $year_to) as standing_invitation
    from country c
    join sel on sel.iso3 = c.iso3
    left join ratified on ratified.country_iso3 = c.iso3
    left join visits on visits.country_iso3 = c.iso3
    left join comms on comms.country_iso3 = c.iso3
    left join overdue on overdue.country_iso3 = c.iso3
    left join recs on recs.country_iso3 = c.iso3
)
select * from final order by name
