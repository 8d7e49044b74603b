-- Special Procedures communications sent, and replies, per year, for one country or all.
-- Parameters: $country (ISO3, or null for every country), $year_from, $year_to.
-- Grain: one row per country × year of the range (years without communications included, with zeros).
with years as (
    select unnest(range($year_from, $year_to + 1)) as year
),
countries as (
    select iso3 from country where $country::varchar is null or iso3 = $country::varchar
),
comms as (
    select country_iso3, year(sent_date) as year, type, joint, replied
    from sp_communication
    where ($country::varchar is null or country_iso3 = $country::varchar)
      and year(sent_date) between $year_from and $year_to
),
final as (
    select
        c.iso3 as country_iso3,
        y.year,
        count(m.year) as communications,
        count(m.year) filter (where m.replied) as replied,
        count(m.year) filter (where m.type = 'urgent appeal') as urgent_appeals,
        count(m.year) filter (where m.joint) as joint
    from countries c
    cross join years y
    left join comms m on m.country_iso3 = c.iso3 and m.year = y.year
    group by c.iso3, y.year
)
select * from final order by country_iso3, year
