-- Indicator EA6.2 (hrdash/model/indicators.py): share of treaty-body reports due in the year that were submitted by
-- their due date.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. denominator = reports whose due date falls in the year;
-- numerator = those submitted on or before the due date; value = 100 × numerator / denominator (null when
-- no report was due).
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select
        s.country_iso3, s.country, s.year,
        count(t.id) filter (where t.submitted_date <= t.due_date) as numerator,
        count(t.id) as denominator,
        100.0 * count(t.id) filter (where t.submitted_date <= t.due_date) / nullif(count(t.id), 0) as value
    from spine s
    left join tb_report t on t.country_iso3 = s.country_iso3 and year(t.due_date) = s.year
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
