-- EA11 link: per selected country, the UNCT engagement with the UPR (unct_engagement rows with mechanism 'UPR':
-- UNCT submissions, follow-up plans and other support) next to the UPR recommendations the country received.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year of the review or
-- of the UNCT activity).
-- Grain: one row per selected country with UPR recommendations or UPR-related UNCT engagement in the years.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
recs as (  -- UPR recommendations per selected country (schema.sql macro)
    select * from upr_recommendation_counts($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
unct as (
    select
        u.country_iso3,
        count(*) filter (where u.activity = 'UNCT submission') as unct_submissions,
        count(*) filter (where u.activity = 'follow-up plan') as follow_up_support,
        count(*) filter (where u.activity not in ('UNCT submission', 'follow-up plan')) as other_upr_activities,
        string_agg(distinct u.year::varchar, ', ' order by u.year::varchar) as activity_years,
        string_agg(distinct u.source, ', ' order by u.source) as engagement_sources
    from unct_engagement u
    join sel on sel.iso3 = u.country_iso3
    where u.mechanism = 'UPR' and u.year between $year_from and $year_to
    group by 1
),
final as (
    select
        c.name, c.iso3, c.ohchr_region,
        coalesce(u.unct_submissions, 0) as unct_submissions,
        coalesce(u.follow_up_support, 0) as follow_up_support,
        coalesce(u.other_upr_activities, 0) as other_upr_activities,
        u.activity_years,
        coalesce(r.recommendations, 0) as recommendations,
        coalesce(r.supported, 0) as supported,
        coalesce(r.implemented, 0) as implemented,
        u.engagement_sources
    from country c
    join sel on sel.iso3 = c.iso3
    left join recs r on r.country_iso3 = c.iso3
    left join unct u on u.country_iso3 = c.iso3
    where r.country_iso3 is not null or u.country_iso3 is not null
)
select * from final order by (unct_submissions + follow_up_support + other_upr_activities) desc, recommendations desc, name
