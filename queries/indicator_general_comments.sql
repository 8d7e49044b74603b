-- Indicator EA8.2 (hrdash/model/indicators.py): general comments and general recommendations adopted by the treaty bodies
-- per year.
-- Parameters: $year_from, $year_to (the years returned). They concern no single country, so the country filters
-- do not apply.
-- Grain: one row per year, country_iso3 null (global). numerator = normative outputs of kind 'general
-- comment' or 'general recommendation' dated in the year; denominator null (a count); value = numerator.
with counted as (  -- the general comments and recommendations dated in each selected year
    select null::varchar as country_iso3, 'All countries (global)' as country, y.year, count(n.id) as numerator,
           null::bigint as denominator
    from year_range($year_from, $year_to) y
    left join normative_output n on year(n.date) = y.year and n.kind in ('general comment', 'general recommendation')
    group by all
)
select * from indicator_count(counted)
