-- EA11 link, row by row: the UNCT engagement rows of the selected countries that relate to the UPR (mechanism
-- 'UPR': UNCT submissions, follow-up plans, ...) in the selected years, each next to the UPR recommendations its
-- country received in those years (in all, supported, fully or partly implemented).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per unct_engagement row.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
recs as (
    select
        r.country_iso3,
        count(*) as recommendations,
        count(*) filter (where r.response = 'supported') as supported,
        count(*) filter (where r.implementation in ('fully implemented', 'partially implemented')) as implemented
    from recommendation r
    join sel on sel.iso3 = r.country_iso3
    where r.cycle is not null and r.rec_date between make_date($year_from, 1, 1) and make_date($year_to, 12, 31)
    group by 1
),
final as (
    select
        c.name as country, c.iso3, c.ohchr_region, u.year, u.activity, u.description,
        coalesce(r.recommendations, 0) as recommendations,
        coalesce(r.supported, 0) as supported,
        coalesce(r.implemented, 0) as implemented,
        u.id, u.source
    from unct_engagement u
    join sel on sel.iso3 = u.country_iso3
    join country c on c.iso3 = u.country_iso3
    left join recs r on r.country_iso3 = u.country_iso3
    where u.mechanism = 'UPR' and u.year between $year_from and $year_to
)
select * from final order by country, year, activity
