-- Indicator EA7.1 (hrdash/model/indicators.py): submissions by NHRIs and civil society to the UPR and the treaty bodies
-- about a country, per year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = sum of stakeholder_submission.count in the year
-- (all mechanisms and submitter types); denominator null (a count); value = numerator.
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select
        s.country_iso3, s.country, s.year,
        coalesce(sum(x.count), 0)::bigint as numerator,
        null::bigint as denominator,
        (coalesce(sum(x.count), 0)::bigint)::double as value
    from spine s
    left join stakeholder_submission x on x.country_iso3 = s.country_iso3 and x.year = s.year
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
