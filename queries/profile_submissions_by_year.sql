-- Stakeholder submissions to the UPR and treaty bodies per year and submitter type, for one country or all.
-- Parameters: $country (ISO3, or null for every country), $year_from, $year_to.
-- Grain: one row per country × year of the range (zeros included).
with years as (
    select unnest(range($year_from, $year_to + 1)) as year
),
countries as (
    select iso3 from country where $country::varchar is null or iso3 = $country::varchar
),
subs as (
    select country_iso3, year, submitter_type, count
    from stakeholder_submission
    where ($country::varchar is null or country_iso3 = $country::varchar)
      and year between $year_from and $year_to
),
final as (
    select
        c.iso3 as country_iso3,
        y.year,
        coalesce(sum(s.count) filter (where s.submitter_type = 'NHRI'), 0)::integer as nhri,
        coalesce(sum(s.count) filter (where s.submitter_type = 'national NGO'), 0)::integer as national_ngo,
        coalesce(sum(s.count) filter (where s.submitter_type = 'coalition'), 0)::integer as coalition,
        coalesce(sum(s.count) filter (where s.submitter_type = 'international NGO'), 0)::integer as international_ngo,
        coalesce(sum(s.count), 0)::integer as submissions
    from countries c
    cross join years y
    left join subs s on s.country_iso3 = c.iso3 and s.year = y.year
    group by c.iso3, y.year
)
select * from final order by country_iso3, year
