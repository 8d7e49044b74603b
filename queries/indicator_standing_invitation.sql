-- Indicator EA6.4 (hrdash/model/indicators.py): whether a country has extended a standing invitation to the Special
-- Procedures by the end of each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = 1 if the invitation was extended by 31 December,
-- else 0; denominator null (summed over countries it counts countries); value = numerator.
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
years as (
    select unnest(range($year_from::integer, $year_to::integer + 1))::integer as year
),
spine as (
    select c.iso3 as country_iso3, c.name as country, y.year
    from country c join sel on sel.iso3 = c.iso3 cross join years y
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
