-- Indicator EA2.4 (hrdash/model/indicators.py): instruments a country is party to with reservations, at the end of each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = instruments the country is party to on 31 December with
-- the reservations flag; NULL (not known) when the flag of one of them is not known (the Treaty Collection's status
-- tables, the bundled data, do not say); denominator null (a count); value = numerator. The data model records
-- whether a State made reservations, not when it withdrew them, so this can only grow.
with counted as (  -- every selected country × year: parties with reservations, unless one party's are not known
    select s.*,
           case when count(r.instrument) filter (where r.reservations is null) = 0
                then count(r.instrument) filter (where r.reservations) end as numerator,
           null::bigint as denominator
    from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to) s
    left join ratification r
        on r.country_iso3 = s.country_iso3 and party_on(r.consent_date, r.denounced_date, make_date(s.year, 12, 31))
    group by all
)
select * from indicator_count(counted)
