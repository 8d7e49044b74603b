-- Completed Special Procedures country visits of the selected countries in the selected years, at two levels in one
-- query: per OHCHR region and year ('region_year' rows: by kind of mandate, and the countries visited; summed over
-- regions they give the visits per year, a country being in one region) and per country ('country' rows, every
-- selected country, 0 if not visited: for the map, with the last visit's start).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (year the visit began).
-- Grain: one row per region in the selection × year, plus one per selected country; `level` says which, and the
-- columns of the other level are null.
with sel as (
    select c.iso3, c.name, c.ohchr_region
    from selected_countries($region, $countries::varchar[], $target_ea) s
    join country c on c.iso3 = s.iso3
),
visits as (
    select v.country_iso3, sel.ohchr_region, year(v.start_date) as year, v.start_date, m.kind
    from sp_visit v
    join sel on sel.iso3 = v.country_iso3
    join sp_mandate m on m.code = v.mandate_code
    where v.status = 'completed' and year(v.start_date) between $year_from and $year_to
),
years as (
    select unnest(range($year_from::integer, $year_to::integer + 1))::integer as year
),
region_year as (
    select
        r.ohchr_region, y.year,
        count(v.kind) filter (where v.kind = 'thematic') as thematic,
        count(v.kind) filter (where v.kind = 'country') as country_mandate,
        count(v.kind) as visits,
        count(distinct v.country_iso3) as countries_visited
    from (select distinct ohchr_region from sel) r
    cross join years y
    left join visits v on v.ohchr_region = r.ohchr_region and v.year = y.year
    group by all
),
per_country as (
    select
        sel.iso3, sel.name, sel.ohchr_region,
        count(v.kind) filter (where v.kind = 'thematic') as thematic,
        count(v.kind) filter (where v.kind = 'country') as country_mandate,
        count(v.kind) as visits,
        max(v.start_date) as last_visit
    from sel
    left join visits v on v.country_iso3 = sel.iso3
    group by all
),
final as (
    select 'region_year' as level, ohchr_region, year, null::varchar as iso3, null::varchar as name,
           thematic, country_mandate, visits, countries_visited, null::date as last_visit
    from region_year
    union all
    select 'country', ohchr_region, null, iso3, name, thematic, country_mandate, visits, null, last_visit
    from per_country
)
select * from final order by level desc, ohchr_region, year, visits desc, name
