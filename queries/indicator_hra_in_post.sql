-- Indicator EA11.4 (hrdash/model/indicators.py): Human Rights Advisers in post with the country's UNCT on 30 June of each
-- year (the date seed 002 counts them on: 18 HRAs on 30 June 2011).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = deployments to the country that started on or before
-- 30 June and had not ended before it; denominator null (a count); value = numerator. Regional advisers have no
-- country and are not counted here (the UNCT page shows them).
with counted as (  -- every selected country × year: advisers in post on 30 June
    select s.*, count(h.id) as numerator, null::bigint as denominator
    from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to) s
    left join hra_deployment h
        on h.country_iso3 = s.country_iso3 and h.start_date <= make_date(s.year, 6, 30)
       and (h.end_date is null or h.end_date >= make_date(s.year, 6, 30))
    group by all
)
select * from indicator_count(counted)
