-- Indicator EA11.3 (hrdash/model/indicators.py): UNCT activities that integrate the mechanisms' recommendations into the
-- UN's work — follow-up plans, joint programmes and recommendations in the UNDAF — per country and year.
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to (the years returned).
-- Grain: one row per selected country × year. numerator = unct_engagement rows of those three activities
-- dated in the year; denominator null (a count); value = numerator.
with spine as (  -- every selected country × year (macro in schema.sql)
    select * from country_year_spine($region, $countries::varchar[], $target_ea, $year_from, $year_to)
),
final as (
    select
        s.country_iso3, s.country, s.year,
        count(u.id) as numerator,
        null::bigint as denominator,
        (count(u.id))::double as value
    from spine s
    left join unct_engagement u
        on u.country_iso3 = s.country_iso3 and u.year = s.year
       and u.activity in ('follow-up plan', 'joint programme', 'recommendations in UNDAF')
    group by s.country_iso3, s.country, s.year
)
select * from final order by country_iso3, year
