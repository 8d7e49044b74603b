-- Indicator EA6.3 (hrdash/model/indicators.py): treaty-body reports overdue at the end of each year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = reports due on or before 31 December and not
-- submitted by then; denominator null (a count); value = numerator.
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select
        s.country_iso3, s.country, s.year,
        count(t.id) as numerator,
        null::bigint as denominator,
        (count(t.id))::double as value
    from spine s
    left join tb_report t
        on t.country_iso3 = s.country_iso3 and t.due_date <= make_date(s.year, 12, 31)
       and (t.submitted_date is null or t.submitted_date > make_date(s.year, 12, 31))
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
