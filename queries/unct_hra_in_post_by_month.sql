-- Human Rights Advisers over time, at the end of every month of the selected years: in post with the UNCTs of
-- the selected countries, regional advisers in post, and the deployments started since 1 January 2012 (the
-- start of seed 002's 2012-2013 plan: 20 new HRAs and up to 4 regional advisers).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per month end. Regional advisers are counted under the same rule as unct_hra_count_on_date.sql.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
months as (
    select last_day(m::date) as month_end
    from range(make_date($year_from, 1, 1), make_date($year_to, 12, 1) + interval 1 day, interval 1 month) t(m)
),
deployments as (
    select h.id, h.start_date, h.end_date, h.country_iso3 is null as regional
    from hra_deployment h
    where h.country_iso3 in (select iso3 from sel)
       or (h.country_iso3 is null and len($countries::varchar[]) = 0 and $target_ea is null
           and ($region is null or h.region = $region))
),
final as (
    select
        m.month_end,
        count(d.id) filter (where not d.regional and d.start_date <= m.month_end
                            and (d.end_date is null or d.end_date >= m.month_end)) as hras_in_post,
        count(d.id) filter (where d.regional and d.start_date <= m.month_end
                            and (d.end_date is null or d.end_date >= m.month_end)) as regional_in_post,
        count(d.id) filter (where not d.regional and d.start_date >= date '2012-01-01'
                            and d.start_date <= m.month_end) as new_hras_since_2012,
        count(d.id) filter (where d.regional and d.start_date >= date '2012-01-01'
                            and d.start_date <= m.month_end) as new_regional_since_2012
    from months m
    left join deployments d on d.start_date <= m.month_end
    group by m.month_end
)
select * from final order by month_end
