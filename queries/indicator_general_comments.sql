-- Indicator EA8.2 (hrdash/model/indicators.py): general comments and general recommendations adopted by the treaty bodies
-- per year.
-- Parameters: $year_from, $year_to (the years returned). They concern no single country, so the country filters
-- do not apply.
-- Grain: one row per year, country_iso3 null (global). numerator = normative outputs of kind 'general
-- comment' or 'general recommendation' dated in the year; denominator null (a count); value = numerator.
with years as (
    select * from year_range($year_from, $year_to)
),
counted as (
    select y.year, count(n.id) as numerator
    from years y
    left join normative_output n
        on year(n.date) = y.year and n.kind in ('general comment', 'general recommendation')
    group by all
),
final as (
    select null::varchar as country_iso3, 'All countries (global)' as country, year, numerator,
           null::bigint as denominator, numerator::double as value
    from counted
)
select * from final order by year
