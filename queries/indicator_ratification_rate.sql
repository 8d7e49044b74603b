-- Indicator EA2.1 (hrdash/model/indicators.py): share of the 18 instruments a country is party to at the end of each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = instruments ratified, acceded or succeeded to
-- by 31 December and not denounced by then; denominator = number of instruments (18); value = 100 × numerator / denominator.
with counted as (  -- every selected country × year: instruments it is party to on 31 December, of all 18
    select s.*, count(r.instrument) as numerator, (select count(*) from instrument) as denominator
    from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to) s
    left join ratification r
        on r.country_iso3 = s.country_iso3 and party_on(r.consent_date, r.denounced_date, make_date(s.year, 12, 31))
    group by all
)
select * from indicator_share(counted)
