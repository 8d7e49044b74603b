-- Indicator EA7.3 (hrdash/model/indicators.py): whether a country has a national human rights institution accredited with
-- A status (full compliance with the Paris Principles) by the end of each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = 1 if the country's NHRI has status A and the year of
-- that status is on or before the year, else 0; denominator null (summed, it counts countries); value = numerator.
-- The nhri table holds one (latest) status per country, so earlier statuses are not seen.
with counted as (  -- every selected country × year: 1 if its NHRI held A status by then
    select s.*, coalesce(n.status = 'A' and n.year <= s.year, false)::integer as numerator, null::bigint as denominator
    from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to) s
    left join nhri n on n.country_iso3 = s.country_iso3
)
select * from indicator_count(counted)
