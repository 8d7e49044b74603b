-- Indicator EA2.2 (hrdash/model/indicators.py): share of the 9 optional protocols a country is party to at the end of
-- each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = optional protocols ratified or acceded to by
-- 31 December; denominator = number of optional protocols in the instrument table; value = 100 × ratio.
with protocols as (
    select code from instrument where kind = 'optional_protocol'
),
counted as (  -- every selected country × year: optional protocols it is party to on 31 December
    select s.*, count(r.instrument) as numerator, (select count(*) from protocols) as denominator
    from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to) s
    left join ratification r
        on r.country_iso3 = s.country_iso3 and party_on(r.consent_date, r.denounced_date, make_date(s.year, 12, 31))
       and r.instrument in (select code from protocols)
    group by all
)
select * from indicator_share(counted)
