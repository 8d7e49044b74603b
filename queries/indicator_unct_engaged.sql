-- Indicator EA11.1 (hrdash/model/indicators.py): whether the country's UNCT recorded any engagement with the human rights
-- mechanisms in the year (a submission, support to a visit, a follow-up plan, a joint programme, recommendations
-- in the UNDAF, a human rights working group).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = 1 if at least one unct_engagement row is dated in
-- the year, else 0; denominator null (summed, it counts countries); value = numerator.
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select
        s.country_iso3, s.country, s.year,
        (count(u.id) > 0)::integer as numerator,
        null::bigint as denominator,
        ((count(u.id) > 0)::integer)::double as value
    from spine s
    left join unct_engagement u on u.country_iso3 = s.country_iso3 and u.year = s.year
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
