-- Indicator EA6.5 (hrdash/model/indicators.py): share of the Special Procedures visit requests made in the year that the
-- country accepted.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. denominator = requests dated in the year that have an outcome
-- (every status except 'requested', which is still awaiting an answer); numerator = those accepted or
-- completed; value = 100 × numerator / denominator (null when there was no such request).
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select
        s.country_iso3, s.country, s.year,
        count(v.id) filter (where v.status in ('accepted', 'completed')) as numerator,
        count(v.id) as denominator,
        100.0 * count(v.id) filter (where v.status in ('accepted', 'completed')) / nullif(count(v.id), 0) as value
    from spine s
    left join sp_visit v
        on v.country_iso3 = s.country_iso3 and year(v.request_date) = s.year and v.status <> 'requested'
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
