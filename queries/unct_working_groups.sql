-- UN Country Teams with a human rights working group (or theme group): the selected countries with a 'human rights
-- working group' activity recorded in or before $year_to (a group, once set up, is taken to go on).
-- Parameters: $region, $countries, $target_ea (country selection); $year_to.
-- Grain: one row per country.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
groups as (
    select u.*
    from unct_engagement u
    join sel on sel.iso3 = u.country_iso3
    where u.activity = 'human rights working group' and u.year <= $year_to
),
final as (
    select
        c.name as country,
        c.iso3,
        c.ohchr_region,
        min(g.year) as since,
        arg_min(g.description, g.year) as description,
        array_to_string(list_sort(list_distinct(list(g.source))), ', ') as source
    from groups g
    join country c on c.iso3 = g.country_iso3
    group by c.name, c.iso3, c.ohchr_region
)
select * from final order by (source = 'demo'), since, country
