-- Special Procedures key figures per year for the selected countries: completed visits and the countries
-- visited, communications and the States they went to, joint and replied shares, urgent appeals, visit
-- requests, standing invitations in force at the end of the year.
-- Parameters: $region, $countries, $target_ea (country selection). Every year of the data is returned (the
-- page reads the selected "to" year and the 2013 baseline from it), so the year filter is not a parameter.
-- Grain: one row per year.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
visits as (
    select year(v.start_date) as year, count(*) as visits, count(distinct v.country_iso3) as countries_visited
    from sp_visit v join sel on sel.iso3 = v.country_iso3
    where v.status = 'completed'
    group by 1
),
requests as (
    select year(v.request_date) as year, count(*) as requests
    from sp_visit v join sel on sel.iso3 = v.country_iso3
    where v.request_date is not null
    group by 1
),
comms as (
    select
        year(m.sent_date) as year,
        count(*) as communications,
        count(distinct m.country_iso3) as states,
        100.0 * avg(m.joint::int) as joint_share,
        100.0 * avg(m.replied::int) as reply_rate,
        count(*) filter (where m.type = 'urgent appeal') as urgent_appeals
    from sp_communication m join sel on sel.iso3 = m.country_iso3
    group by 1
),
years as (
    select year from visits union select year from comms
),
invitations as (
    select y.year, count(i.country_iso3) as standing_invitations
    from years y
    left join (select i.* from standing_invitation i join sel on sel.iso3 = i.country_iso3) i
        on i.extended_date <= make_date(y.year, 12, 31)
    group by y.year
),
final as (
    select
        y.year,
        coalesce(v.visits, 0) as visits,
        coalesce(v.countries_visited, 0) as countries_visited,
        coalesce(c.communications, 0) as communications,
        coalesce(c.states, 0) as states,
        c.joint_share,
        c.reply_rate,
        coalesce(c.urgent_appeals, 0) as urgent_appeals,
        coalesce(r.requests, 0) as requests,
        i.standing_invitations
    from years y
    left join visits v using (year)
    left join comms c using (year)
    left join requests r using (year)
    left join invitations i using (year)
)
select * from final order by year
