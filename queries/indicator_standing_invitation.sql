-- Indicator EA6.4 (hrdash/model/indicators.py): whether a country has extended a standing invitation to the Special
-- Procedures by the end of each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = 1 if the invitation was extended by 31 December,
-- else 0; denominator null (summed over countries it counts countries); value = numerator.
with counted as (  -- every selected country × year: 1 if it had extended the invitation by 31 December
    select s.*, coalesce(i.extended_date <= make_date(s.year, 12, 31), false)::integer as numerator,
           null::bigint as denominator
    from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to) s
    left join standing_invitation i on i.country_iso3 = s.country_iso3
)
select * from indicator_count(counted)
