-- Where Human Rights Advisers are and were: the selected countries that had an HRA deployment overlapping the
-- selected years, and whether one was in post on $on_date.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to; $on_date.
-- Grain: one row per country with at least one such deployment (regional advisers have no country: not here).
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
deployments as (
    select h.*
    from hra_deployment h
    where h.country_iso3 in (select iso3 from sel)
      and year(h.start_date) <= $year_to and (h.end_date is null or year(h.end_date) >= $year_from)
),
final as (
    select
        c.name as country,
        c.iso3,
        c.ohchr_region,
        count(*) as deployments,
        min(d.start_date) as first_start,
        case when bool_or(d.end_date is null) then null else max(d.end_date) end as last_end,
        bool_or(d.start_date <= $on_date::date and (d.end_date is null or d.end_date >= $on_date::date))
            as in_post_on_date,
        case when bool_or(d.start_date <= $on_date::date and (d.end_date is null or d.end_date >= $on_date::date))
             then 'in post on ' || strftime($on_date::date, '%Y-%m-%d')
             else 'deployed in the selected years, not on ' || strftime($on_date::date, '%Y-%m-%d') end as status,
        array_to_string(list_sort(list_distinct(list(d.funding))), ', ') as funding,
        array_to_string(list_sort(list_distinct(list(d.source))), ', ') as source
    from deployments d
    join country c on c.iso3 = d.country_iso3
    group by c.name, c.iso3, c.ohchr_region
)
select * from final order by country
