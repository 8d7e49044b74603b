-- Indicator EA10.1 (hrdash/model/indicators.py): urgent appeals sent by the Special Procedures to a country per year — the
-- mechanisms' early-warning function in use.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = communications of type 'urgent appeal' sent in the
-- year; denominator null (a count); value = numerator.
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select
        s.country_iso3, s.country, s.year,
        count(m.id) as numerator,
        null::bigint as denominator,
        (count(m.id))::double as value
    from spine s
    left join sp_communication m
        on m.country_iso3 = s.country_iso3 and year(m.sent_date) = s.year and m.type = 'urgent appeal'
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
