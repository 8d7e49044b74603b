-- Special Procedures communications per selected country over the selected years: by type, the share sent
-- jointly (EA9), the share the State replied to (EA6), urgent appeals (EA10 early warning).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year sent).
-- Grain: one row per selected country that received at least one communication.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select
        c.name, c.iso3, c.ohchr_region,
        count(*) as communications,
        count(*) filter (where m.type = 'urgent appeal') as urgent_appeals,
        count(*) filter (where m.type = 'allegation letter') as allegation_letters,
        count(*) filter (where m.type = 'other letter') as other_letters,
        count(*) filter (where m.joint) as joint,
        count(*) filter (where m.replied) as replied,
        round(100.0 * avg(m.joint::int), 1) as joint_share,
        round(100.0 * avg(m.replied::int), 1) as reply_rate
    from sp_communication m
    join sel on sel.iso3 = m.country_iso3
    join country c on c.iso3 = m.country_iso3
    where year(m.sent_date) between $year_from and $year_to
    group by all
)
select * from final order by communications desc, name
