-- Indicator EA6.4 (hrdash/model/indicators.py): whether a country has extended a standing invitation to the Special
-- Procedures by the end of each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = 1 if the invitation was extended by 31 December,
-- else 0; denominator null (summed over countries it counts countries); value = numerator.
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select s.country_iso3, s.country, s.year,
           coalesce(i.extended_date <= make_date(s.year, 12, 31), false)::integer as numerator,
           null::bigint as denominator,
           coalesce(i.extended_date <= make_date(s.year, 12, 31), false)::double as value
    from spine s
    left join standing_invitation i on i.country_iso3 = s.country_iso3
)
select * from final order by country_iso3, year
