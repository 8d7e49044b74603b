-- Special Procedures communications per year by type (urgent appeal, allegation letter, other letter), with the
-- share sent jointly by two or more mandates (EA9) and the share the State replied to (EA6), in % (1 decimal).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year sent).
-- Grain: one row per year with at least one communication.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select
        year(m.sent_date) as year,
        count(*) filter (where m.type = 'urgent appeal') as urgent_appeals,
        count(*) filter (where m.type = 'allegation letter') as allegation_letters,
        count(*) filter (where m.type = 'other letter') as other_letters,
        count(*) as communications,
        count(*) filter (where m.joint) as joint,
        count(*) filter (where m.replied) as replied,
        round(100.0 * avg(m.joint::int), 1) as joint_share,
        round(100.0 * avg(m.replied::int), 1) as reply_rate
    from sp_communication m
    join sel on sel.iso3 = m.country_iso3
    where year(m.sent_date) between $year_from and $year_to
    group by 1
)
select * from final order by year
