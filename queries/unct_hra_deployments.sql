-- Every Human Rights Adviser deployment that overlaps the selected years, for the timeline and its table.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to.
-- Grain: one row per deployment. `end_shown` is the end date, or 31 December of $year_to for a deployment with
-- no end date in the data (still in post, or end not stated by the source). Regional advisers follow the rule
-- of unct_hra_count_on_date.sql.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
final as (
    select
        coalesce(c.name, 'Regional adviser, ' || h.region) as country,
        h.country_iso3 as iso3,
        coalesce(c.ohchr_region, h.region) as ohchr_region,
        h.start_date,
        h.end_date,
        coalesce(h.end_date, make_date($year_to, 12, 31)) as end_shown,
        h.funding,
        h.description,
        h.source,
        h.id
    from hra_deployment h
    left join country c on c.iso3 = h.country_iso3
    where (h.country_iso3 in (select iso3 from sel)
           or (h.country_iso3 is null and len($countries::varchar[]) = 0 and $target_ea is null
               and ($region is null or h.region = $region)))
      and year(h.start_date) <= $year_to and (h.end_date is null or year(h.end_date) >= $year_from)
    order by h.start_date, country
)
select * from final
