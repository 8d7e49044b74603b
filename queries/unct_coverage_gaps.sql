-- Where follow-up support may be missing: selected countries that received UPR recommendations in the selected
-- years but have no UNCT engagement recorded on the UPR (mechanism 'UPR' or 'all mechanisms') in those years.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per such country.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
recs as (
    select r.country_iso3, count(*) as recommendations,
           count(*) filter (where r.response = 'supported') as supported, max(r.rec_date) as last_recommendation
    from recommendation r
    join sel on sel.iso3 = r.country_iso3
    where r.mechanism = 'UPR' and year(r.rec_date) between $year_from and $year_to
    group by r.country_iso3
),
engagement as (
    select u.country_iso3,
           count(*) filter (where u.mechanism in ('UPR', 'all mechanisms')) as upr_activities,
           count(*) as activities
    from unct_engagement u
    where u.year between $year_from and $year_to
    group by u.country_iso3
),
hras as (
    select distinct h.country_iso3
    from hra_deployment h
    where h.start_date <= make_date($year_to, 12, 31) and (h.end_date is null or year(h.end_date) >= $year_from)
),
final as (
    select
        c.name as country,
        c.iso3,
        c.ohchr_region,
        r.recommendations,
        r.supported,
        r.last_recommendation,
        coalesce(e.activities, 0) as other_unct_activities,
        h.country_iso3 is not null as hra_in_the_years
    from recs r
    join country c on c.iso3 = r.country_iso3
    left join engagement e on e.country_iso3 = r.country_iso3
    left join hras h on h.country_iso3 = r.country_iso3
    where coalesce(e.upr_activities, 0) = 0
)
select * from final order by recommendations desc, country
