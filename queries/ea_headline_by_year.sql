-- The headline indicator of each expected accomplishment, per year, for the selected countries.
-- Parameters: $region (OHCHR region or null), $countries (ISO3 list, empty = all), $target_ea (EA code or null).
-- Grain: one row per EA × year. EA8 (normative outputs) is global: country filters do not apply.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
years as (
    select distinct year(sent_date) as year from sp_communication
    union select distinct review_year from upr_review
),
ea2 as (
    select y.year, 100.0 * count(r.country_iso3) / nullif((select count(*) from sel) * (select count(*) from instrument), 0) as value
    from years y
    left join ratification r
        on party_on(r.consent_date, r.denounced_date, make_date(y.year, 12, 31))
       and r.country_iso3 in (select iso3 from sel)
    group by y.year
),
ea6 as (
    select y.year, count(m.country_iso3) as value
    from years y
    left join national_mechanism m
        on year(m.established) <= y.year and m.country_iso3 in (select iso3 from sel)
    group by y.year
),
ea7 as (
    select y.year, coalesce(sum(s.count), 0) as value
    from years y
    left join stakeholder_submission s on s.year = y.year and s.country_iso3 in (select iso3 from sel)
    group by y.year
),
ea8 as (
    select y.year, count(n.id) as value
    from years y left join normative_output n on year(n.date) = y.year
    group by y.year
),
comms as (
    select year(sent_date) as year, joint, type
    from sp_communication
    where country_iso3 in (select iso3 from sel)
),
ea9 as (
    select y.year, 100.0 * avg(c.joint::int) as value
    from years y left join comms c on c.year = y.year
    group by y.year
),
ea10 as (
    select y.year, count(c.year) filter (where c.type = 'urgent appeal') as value
    from years y left join comms c on c.year = y.year
    group by y.year
),
ea11 as (
    select y.year, count(distinct u.country_iso3) as value
    from years y
    left join unct_engagement u on u.year = y.year and u.country_iso3 in (select iso3 from sel)
    group by y.year
),
final as (
    select 'EA2' as ea_code, 'Ratification rate of the 18 instruments' as indicator, '%' as unit, year, value from ea2
    union all select 'EA6', 'Countries with a national mechanism for reporting and follow-up', 'countries', year, value from ea6
    union all select 'EA7', 'Stakeholder submissions to the UPR and treaty bodies', 'submissions', year, value from ea7
    union all select 'EA8', 'General comments, recommendations and thematic reports (all countries)', 'outputs', year, value from ea8
    union all select 'EA9', 'Share of Special Procedures communications sent jointly', '%', year, value from ea9
    union all select 'EA10', 'Urgent appeals sent by Special Procedures', 'urgent appeals', year, value from ea10
    union all select 'EA11', 'Countries whose UNCT engaged with the mechanisms', 'countries', year, value from ea11
)
select * from final order by cast(substr(ea_code, 3) as integer), year
