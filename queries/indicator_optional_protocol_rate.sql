-- Indicator EA2.2 (hrdash/model/indicators.py): share of the 9 optional protocols a country is party to at the end of
-- each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = optional protocols ratified or acceded to by
-- 31 December; denominator = number of optional protocols in the instrument table; value = 100 × ratio.
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
protocols as (
    select code from instrument where kind = 'optional_protocol'
),
final as (
    select
        s.country_iso3, s.country, s.year,
        count(r.instrument) as numerator,
        (select count(*) from protocols) as denominator,
        100.0 * count(r.instrument) / nullif((select count(*) from protocols), 0) as value
    from spine s
    left join ratification r
        on r.country_iso3 = s.country_iso3 and party_on(r.consent_date, r.denounced_date, make_date(s.year, 12, 31))
       and r.instrument in (select code from protocols)
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
