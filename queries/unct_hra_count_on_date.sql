-- Human Rights Advisers in post on one date: with the UNCTs of the selected countries, and regional advisers.
-- Parameters: $region, $countries, $target_ea (country selection); $on_date (the date counted).
-- Grain: one row. A deployment is in post on a date when it started on or before it and has no end date or
-- ended on or after it. Regional advisers cover a region, not a country: they are counted when no country
-- list and no EA target filter is set, and only those of the selected OHCHR region when one is.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
in_post as (
    select h.*
    from hra_deployment h
    where h.start_date <= $on_date::date and (h.end_date is null or h.end_date >= $on_date::date)
),
final as (
    select
        $on_date::date as on_date,
        count(*) filter (where country_iso3 in (select iso3 from sel)) as country_advisers,
        count(*) filter (where country_iso3 is null and len($countries::varchar[]) = 0 and $target_ea is null
                         and ($region is null or region = $region)) as regional_advisers,
        count(distinct country_iso3) filter (where country_iso3 in (select iso3 from sel)) as countries,
        count(*) filter (where country_iso3 in (select iso3 from sel) and source <> 'demo') as not_demo
    from in_post
)
select *, country_advisers + regional_advisers as total from final
