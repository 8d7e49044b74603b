-- Indicator EA11.1 (hrdash/model/indicators.py): whether the country's UNCT recorded any engagement with the human rights
-- mechanisms in the year (a submission, support to a visit, a follow-up plan, a joint programme, recommendations
-- in the UNDAF, a human rights working group).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = 1 if at least one unct_engagement row is dated in
-- the year, else 0; denominator null (summed, it counts countries); value = numerator.
with counted as (  -- every selected country × year: 1 if its UNCT recorded any engagement
    select s.*, (count(u.id) > 0)::integer as numerator, null::bigint as denominator
    from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to) s
    left join unct_engagement u on u.country_iso3 = s.country_iso3 and u.year = s.year
    group by all
)
select * from indicator_count(counted)
