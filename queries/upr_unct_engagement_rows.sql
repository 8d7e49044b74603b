-- EA11 link, row by row: the UNCT engagement rows of the selected countries that relate to the UPR (mechanism
-- 'UPR': UNCT submissions, follow-up plans, ...) in the selected years, each next to the UPR recommendations its
-- country received in those years (in all, supported, fully or partly implemented).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per unct_engagement row.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
recs as (  -- UPR recommendations per selected country (schema.sql macro)
    select * from upr_recommendation_counts($region, $countries::varchar[], $target_ea, $year_from, $year_to)
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
