-- State reports reviewed per year and treaty body in the selected countries (by the review date).
-- Parameters: $region, $countries, $target_ea (country selection); $year_from, $year_to; $bodies
-- (treaty-body codes; empty = all nine).
-- Grain: one row per year × treaty body (zero included).
with sel as (
    select iso3 from selected_countries($region, $countries::varchar[], $target_ea)
),
years as (
    select range as year from range($year_from, $year_to + 1)
),
bodies as (
    select code as body
    from instrument
    where kind = 'core' and (len($bodies::varchar[]) = 0 or list_contains($bodies::varchar[], code))
),
reviews as (
    select year(reviewed_date) as year, body
    from tb_report
    where country_iso3 in (select iso3 from sel) and year(reviewed_date) between $year_from and $year_to
),
final as (
    select y.year, b.body, count(r.year) as reviews
    from years y
    cross join bodies b
    left join reviews r on r.year = y.year and r.body = b.body
    group by all
)
select * from final order by year, body
