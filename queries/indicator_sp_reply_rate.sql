-- Indicator EA6.6 (hrdash/model/indicators.py): share of the Special Procedures communications sent in the year that the
-- country replied to.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. denominator = communications sent in the year; numerator =
-- those replied to; value = 100 × numerator / denominator (null when none was sent).
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select
        s.country_iso3, s.country, s.year,
        count(m.id) filter (where m.replied) as numerator,
        count(m.id) as denominator,
        100.0 * count(m.id) filter (where m.replied) / nullif(count(m.id), 0) as value
    from spine s
    left join sp_communication m on m.country_iso3 = s.country_iso3 and year(m.sent_date) = s.year
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
