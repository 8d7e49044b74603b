-- Indicator EA11.4 (hrdash/model/indicators.py): Human Rights Advisers in post with the country's UNCT on 30 June of each
-- year (the date seed 002 counts them on: 18 HRAs on 30 June 2011).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = deployments to the country that started on or before
-- 30 June and had not ended before it; denominator null (a count); value = numerator. Regional advisers have no
-- country and are not counted here (the UNCT page shows them).
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select
        s.country_iso3, s.country, s.year,
        count(h.id) as numerator,
        null::bigint as denominator,
        (count(h.id))::double as value
    from spine s
    left join hra_deployment h
        on h.country_iso3 = s.country_iso3 and h.start_date <= make_date(s.year, 6, 30)
       and (h.end_date is null or h.end_date >= make_date(s.year, 6, 30))
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
