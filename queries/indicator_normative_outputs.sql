-- Indicator EA8.1 (hrdash/model/indicators.py): normative outputs of the mechanisms per year — general comments and
-- recommendations of treaty bodies, thematic reports of Special Procedures and new standards.
-- Parameters: $year_from, $year_to (the years returned). Normative outputs concern no single country, so the
-- country filters do not apply.
-- Grain: one row per year, country_iso3 null (global). numerator = outputs dated in the year; denominator
-- null (a count); value = numerator.
with counted as (  -- the outputs dated in each selected year, of every country
    select null::varchar as country_iso3, 'All countries (global)' as country, y.year, count(n.id) as numerator,
           null::bigint as denominator
    from year_range($year_from, $year_to) y
    left join normative_output n on year(n.date) = y.year
    group by all
)
select * from indicator_count(counted)
