-- Indicator EA6.1 (hrdash/model/indicators.py): whether a country has a standing national mechanism for reporting and
-- follow-up at the end of each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = 1 if the mechanism was established by 31 December,
-- else 0; denominator null (summed over countries it counts countries); value = numerator.
with counted as (  -- every selected country × year: 1 if its mechanism was established by 31 December
    select s.*, (m.established is not null and m.established <= make_date(s.year, 12, 31))::integer as numerator,
           null::bigint as denominator
    from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to) s
    left join national_mechanism m on m.country_iso3 = s.country_iso3
)
select * from indicator_count(counted)
