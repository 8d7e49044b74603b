-- EA6 target countries of seed 004 that should "improve their engagement with special procedures"
-- (ea_target kind 'sp_engagement'), among the selected countries: the three measures the seed names, at the 2013
-- baseline and at the end of the selected "to" year.
--   standing invitation: extended by 31 December of the year;
--   acceptance of visit requests: of the requests made up to the end of the year and answered (status other than
--     'requested'), the share accepted or completed (the rule of indicator EA6.5, over all years to date because a
--     country receives few requests a year);
--   replies to communications: share of the communications sent in the year that the State replied to (EA6.6).
-- Parameters: $region, $countries, $target_ea (country selection); $year_to ("now").
-- Grain: one row per target country in the selection.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
targets as (
    select t.country_iso3, t.name_in_seed, c.name, c.ohchr_region
    from ea_target t
    join sel on sel.iso3 = t.country_iso3
    join country c on c.iso3 = t.country_iso3
    where t.ea_code = 'EA6' and t.target_kind = 'sp_engagement'
),
requests as (
    select
        v.country_iso3,
        count(*) filter (where v.request_date <= date '2013-12-31') as answered_2013,
        count(*) filter (where v.request_date <= date '2013-12-31' and v.status in ('accepted', 'completed'))
            as accepted_2013,
        count(*) filter (where v.request_date <= make_date($year_to, 12, 31)) as answered_now,
        count(*) filter (where v.request_date <= make_date($year_to, 12, 31) and v.status in ('accepted', 'completed'))
            as accepted_now
    from sp_visit v join targets t on t.country_iso3 = v.country_iso3
    where v.status <> 'requested'
    group by 1
),
comms as (
    select
        m.country_iso3,
        count(*) filter (where year(m.sent_date) = 2013) as sent_2013,
        count(*) filter (where year(m.sent_date) = 2013 and m.replied) as replied_2013,
        count(*) filter (where year(m.sent_date) = $year_to) as sent_now,
        count(*) filter (where year(m.sent_date) = $year_to and m.replied) as replied_now
    from sp_communication m join targets t on t.country_iso3 = m.country_iso3
    where year(m.sent_date) in (2013, $year_to)
    group by 1
),
final as (
    select
        t.country_iso3 as iso3, t.name, t.name_in_seed, t.ohchr_region,
        coalesce(i.extended_date <= date '2013-12-31', false) as invitation_2013,
        coalesce(i.extended_date <= make_date($year_to, 12, 31), false) as invitation_now,
        case when i.extended_date <= make_date($year_to, 12, 31) then i.extended_date end as invitation_date,
        coalesce(r.answered_2013, 0) as requests_answered_2013,
        round(100.0 * r.accepted_2013 / nullif(r.answered_2013, 0), 1) as acceptance_2013,
        coalesce(r.answered_now, 0) as requests_answered_now,
        round(100.0 * r.accepted_now / nullif(r.answered_now, 0), 1) as acceptance_now,
        coalesce(m.sent_2013, 0) as communications_2013,
        round(100.0 * m.replied_2013 / nullif(m.sent_2013, 0), 1) as reply_rate_2013,
        coalesce(m.sent_now, 0) as communications_now,
        round(100.0 * m.replied_now / nullif(m.sent_now, 0), 1) as reply_rate_now
    from targets t
    left join standing_invitation i on i.country_iso3 = t.country_iso3
    left join requests r on r.country_iso3 = t.country_iso3
    left join comms m on m.country_iso3 = t.country_iso3
)
select * from final order by name
